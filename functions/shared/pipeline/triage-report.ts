import type { FaxDetails } from '../domain/fax/index.ts';
import type { InvoiceReading } from '../domain/invoices/index.ts';
import type { Channel, ClaimStatus, DocumentType, Route } from '../domain/types.ts';
import { required, type IntakeContext } from './context.ts';

export interface TriageReport {
  readonly channel: Channel;
  /** Present for a fax. */
  readonly fax?: FaxDetails;
  readonly memberId: string | null;
  readonly treatmentCountry: string | null;
  readonly route: Route | null;
  readonly status: ClaimStatus;
  readonly reasons: readonly string[];
  readonly documents: readonly {
    readonly name: string;
    readonly type: DocumentType;
    readonly size: number;
    readonly sha256: string;
    readonly textRead: boolean;
    readonly notReadReason?: string;
    /** For a scan read by OCR: pages read and the mean confidence. */
    readonly ocr?: { readonly pages: number; readonly meanConfidence: number };
  }[];
  /** What the documents that read as invoices, receipts or statements say: amounts as decimal strings. */
  readonly invoices: readonly InvoiceReading[];
}

/** The decision as the triage command prints it. */
export function triageReport(context: IntakeContext): TriageReport {
  const outcome = required(context.outcome, 'the outcome');
  const status = outcome.status;
  return {
    channel: context.channel,
    ...(context.fax ? { fax: context.fax } : {}),
    memberId: context.identification?.member?.memberId ?? null,
    treatmentCountry: context.location?.country ?? null,
    route: status === 'FORWARDED' ? (context.location?.route ?? null) : null,
    status,
    reasons: outcome.reasons,
    documents: (context.documents ?? []).map((document) => ({
      name: document.filename,
      type: document.type,
      size: document.size,
      sha256: document.sha256,
      textRead: document.textRead,
      ...(document.notReadReason ? { notReadReason: document.notReadReason } : {}),
      ...(document.ocr ? { ocr: { pages: document.ocr.pages.length, meanConfidence: document.ocr.meanConfidence } } : {}),
    })),
    invoices: context.invoices ?? [],
  };
}
