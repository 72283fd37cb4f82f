import type { Channel, ClaimStatus, DocumentType, LocationEvidence, Route } from './types.ts';

/** RECEIVED only lasts until a routed claim's forward has been sent. */
export type ClaimRecordStatus = ClaimStatus | 'RECEIVED';

export interface StatusChange {
  readonly status: ClaimRecordStatus;
  readonly at: string;
  readonly detail?: string;
}

export interface StoredDocument {
  readonly filename: string;
  readonly type: DocumentType;
  readonly size: number;
  readonly sha256: string;
  readonly s3Key: string;
  readonly textRead: boolean;
  readonly notReadReason?: string;
}

export interface SentMessage {
  readonly to: string;
  readonly messageId: string;
  readonly at: string;
}

export interface DeliveryEvent {
  readonly type: 'BOUNCE' | 'COMPLAINT' | 'DELIVERY' | 'REJECT';
  readonly at: string;
  readonly detail?: string;
}

/** A received message as recorded: every message gets one, whatever its outcome. */
export interface ClaimRecord {
  readonly reference: string;
  readonly sesMessageId: string;
  readonly receivedAt: string;
  readonly createdAt: string;
  readonly channel: Channel;
  readonly rawMessage: { readonly bucket: string; readonly key: string };
  readonly memberId?: string;
  readonly treatmentCountry?: string;
  readonly route?: Route;
  readonly status: ClaimRecordStatus;
  /** The outcome the claim is heading for; equals status once every side effect is done. */
  readonly outcome: ClaimStatus;
  readonly reasons: readonly string[];
  readonly evidence: readonly LocationEvidence[];
  readonly documents: readonly StoredDocument[];
  readonly statusHistory: readonly StatusChange[];
  readonly duplicateOf?: string;
  readonly forward?: SentMessage;
  readonly acknowledgement?: SentMessage;
  readonly deliveryEvents?: readonly DeliveryEvent[];
}
