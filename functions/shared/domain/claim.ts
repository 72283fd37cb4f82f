import type { Readable } from 'node:stream';
import type { FaxDetails } from './fax/index.ts';
import type { Channel, ClaimStatus, DocumentType, Language, LocationEvidence, OcrEngineName, Route } from './types.ts';

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
  /** Present when the text was read by OCR. */
  readonly ocr?: { readonly engine: OcrEngineName; readonly meanConfidence: number; readonly pages: number; readonly elapsedMs: number };
  /** Its images could not be decoded. */
  readonly damaged?: boolean;
}

export interface SentMessage {
  readonly to: string;
  readonly cc?: readonly string[];
  readonly messageId: string;
  readonly at: string;
}

/** The reply to the sender, in their language or in both (French then English). */
export interface SentReply extends SentMessage {
  /** Absent from claims acknowledged before the language was recorded. */
  readonly language?: Language | 'both';
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
  /** What the fax gateway said of a fax. */
  readonly fax?: FaxDetails;
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
  readonly acknowledgement?: SentReply;
  readonly deliveryEvents?: readonly DeliveryEvent[];
}

export type CreateClaimResult = 'created' | 'message-already-recorded' | 'reference-taken';

/** Where claims are kept; DynamoDB when deployed. */
export interface ClaimRepository {
  get(reference: string): Promise<ClaimRecord | undefined>;
  findByMessageId(sesMessageId: string): Promise<ClaimRecord | undefined>;
  /** For each document hash the member already sent, the reference of the claim that first carried it. */
  findClaimedDocuments(memberId: string, sha256s: readonly string[]): Promise<Map<string, string>>;
  /** Records the claim, its message and its new documents at once; a message is only ever recorded once. */
  create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult>;
  /** Records the forward once; false when it was already recorded. */
  markForwarded(reference: string, forward: SentMessage, detail: string): Promise<boolean>;
  markAcknowledged(reference: string, acknowledgement: SentReply): Promise<boolean>;
  recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<void>;
  /**
   * The forward did not reach the administrator (a permanent bounce, a rejection): a forwarded
   * claim goes to REVIEW, with why. False when the claim is no longer FORWARDED.
   */
  markForwardUndelivered(reference: string, change: { readonly at: string; readonly reason: string }): Promise<boolean>;
}

/** Where raw messages and extracted documents are kept; S3 when deployed. */
export interface MessageStore {
  /** The raw message as it is read: never held whole, a 40 MB message is parsed as it arrives. */
  openRaw(bucket: string, key: string): Promise<Readable>;
  putDocument(key: string, content: Buffer, contentType: string): Promise<void>;
}
