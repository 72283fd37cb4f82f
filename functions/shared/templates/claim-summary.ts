import type { InvoiceReading } from '../domain/invoices/index.ts';
import type { Channel, DocumentType, LocationEvidence, Member, Route } from '../domain/types.ts';

export interface DocumentSummary {
  readonly filename: string;
  readonly type: DocumentType;
  readonly size: number;
  readonly sha256: string;
  readonly textRead: boolean;
  readonly notReadReason?: string;
}

export interface FaxDetails {
  readonly callerNumber?: string;
  readonly remoteStationId?: string;
  readonly pages?: number;
}

/** What the outgoing messages say about one claim. */
export interface ClaimSummary {
  /** e.g. CLM-2026-7K3F9Q */
  readonly reference: string;
  readonly receivedAt: Date;
  readonly channel: Channel;
  readonly member?: Member;
  /** ISO 3166-1 alpha-2, or null when undetermined. */
  readonly treatmentCountry: string | null;
  readonly route: Route | null;
  /** Decision reasons, in English, for staff. */
  readonly reasons: readonly string[];
  readonly evidence: readonly LocationEvidence[];
  readonly documents: readonly DocumentSummary[];
  /** What the documents that read as invoices say; absent when they were not read. */
  readonly invoices?: readonly InvoiceReading[];
  readonly fax?: FaxDetails;
  /** Reference of the earlier claim carrying the same documents. */
  readonly duplicateOf?: string;
}
