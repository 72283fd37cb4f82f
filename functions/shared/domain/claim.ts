import type { Readable } from 'node:stream';
import type { ManualDecision, Resend } from './decision.ts';
import type { FaxDetails } from './fax/index.ts';
import type { InvoiceReading } from './invoices/index.ts';
import type { LedgerEntry, SendId } from './ledger.ts';
import type { Channel, ClaimStatus, DocumentType, Language, LocationEvidence, OcrEngineName, Route } from './types.ts';

/** RECEIVED only lasts until a routed claim's forward has been sent. */
export type ClaimRecordStatus = ClaimStatus | 'RECEIVED';

export interface StatusChange {
  readonly status: ClaimRecordStatus;
  readonly at: string;
  readonly detail?: string;
  /** A step of the claim's conversation the status alone does not tell (see ConversationStep). */
  readonly step?: ConversationStep;
}

/**
 * A step of a conversation the claim's history shows beside its statuses: the member's answer to
 * a request for information. (A follow-up forwarded is a FORWARDED change after the first.)
 */
export type ConversationStep = 'information-received';

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
  readonly type: 'BOUNCE' | 'COMPLAINT' | 'DELIVERY' | 'REJECT' | 'SEND';
  readonly at: string;
  readonly detail?: string;
  /** Which outgoing message and attempt it concerns, and SES's id of it; absent from events of mail sent before the ledger. */
  readonly send?: { readonly id: SendId; readonly attempt: number; readonly messageId: string };
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
  /** What the documents that read as invoices say; absent from claims recorded before invoices were read. */
  readonly invoices?: readonly InvoiceReading[];
  readonly statusHistory: readonly StatusChange[];
  readonly duplicateOf?: string;
  readonly forward?: SentMessage;
  readonly acknowledgement?: SentReply;
  readonly deliveryEvents?: readonly DeliveryEvent[];
  /** The ledger of what the claim sends, by message id: each entry claimed before its message is sent, settled after. */
  readonly sends?: Readonly<Record<SendId, LedgerEntry>>;
  /**
   * Document hashes still to record against the member when the claim carried more new documents
   * than its first write holds; a redelivery records them.
   */
  readonly pendingDocumentHashes?: readonly string[];
  /** What people decided of the claim, oldest first. */
  readonly decisions?: readonly ManualDecision[];
  /** Messages people had sent again, oldest first. */
  readonly resends?: readonly Resend[];
  /** Messages received after the first that joined the claim, in the order they came. */
  readonly conversation?: readonly ConversationMessage[];
}

/**
 * A message that joined a claim (domain/conversation.ts): a member's reply, an automatic reply, or
 * the administrator's answer. Names no one and no file.
 */
export interface ConversationMessage {
  readonly sesMessageId: string;
  readonly receivedAt: string;
  readonly rawMessage: { readonly bucket: string; readonly key: string };
  /** It replied to one of our messages, or its subject named the claim and it came from the claim's member. */
  readonly joinedBy: 'header' | 'subject';
  /**
   * - `automatic`: an automatic reply or a bounce, never answered;
   * - `administrator`: the administrator answering, never answered, read by a person;
   * - `member`: the member writing, handled as the claim's state calls for.
   */
  readonly from: 'automatic' | 'administrator' | 'member';
  /** What became of it, in a few words (why it was ignored, what it brought). */
  readonly outcome: string;
  /** How many documents it carried. */
  readonly documents: number;
  /** The member gets a reply to it (the claim's new outcome calls for one). */
  readonly answered?: boolean;
  /** Hashes of the documents it brought that go to the administrator as a follow-up. */
  readonly followUp?: readonly string[];
}

/** What a message that joins a claim changes of it, besides being added to its conversation. */
export interface ClaimContinuation {
  /** The status the claim must still have, or nothing is written. */
  readonly from: ClaimRecordStatus;
  readonly status: ClaimRecordStatus;
  readonly outcome: ClaimStatus;
  readonly memberId?: string;
  readonly treatmentCountry?: string;
  readonly route?: Route;
  readonly duplicateOf?: string;
  readonly reasons: readonly string[];
  readonly statusChanges: readonly StatusChange[];
  readonly documents: readonly StoredDocument[];
  readonly evidence: readonly LocationEvidence[];
  readonly invoices: readonly InvoiceReading[];
  /** Document hashes recorded against the member, as a new claim records them. */
  readonly newDocumentHashes: readonly string[];
}

export type JoinResult = 'recorded' | 'message-already-recorded' | 'claim-changed';

export interface SendClaim {
  readonly id: SendId;
  /** The new attempt, in state `sending`. */
  readonly entry: LedgerEntry;
  /** The attempt it takes over from (unsent, or in doubt past the resend delay); absent for the first. */
  readonly replaces?: { readonly attempt: number; readonly state: 'sending' | 'unsent' };
  /** Counted for a first reply: at most `limit` a day per recipient. */
  readonly quota?: ReplyQuota;
}

export interface ReplyQuota {
  /** The recipient's address, lower-case; only its hash is stored. */
  readonly recipient: string;
  /** The UTC day counted, YYYY-MM-DD. */
  readonly day: string;
  readonly limit: number;
  /** When the count may be deleted, in seconds since the epoch. */
  readonly expiresAt: number;
}

export type ClaimSendResult = 'claimed' | 'taken' | 'over-limit';

export interface SendSettlement {
  readonly state: 'unsent' | 'failed';
  readonly at: string;
  readonly reason: string;
}

export type CreateClaimResult = 'created' | 'message-already-recorded' | 'reference-taken';

/** Where claims are kept; DynamoDB when deployed. */
export interface ClaimRepository {
  get(reference: string): Promise<ClaimRecord | undefined>;
  findByMessageId(sesMessageId: string): Promise<ClaimRecord | undefined>;
  /** For each document hash the member already sent, the reference of the claim that first carried it. */
  findClaimedDocuments(memberId: string, sha256s: readonly string[]): Promise<Map<string, string>>;
  /** For each invoice content key (invoiceContentKey) the member already claimed, the reference of the claim that first carried it. */
  findClaimedInvoices(memberId: string, contentKeys: readonly string[]): Promise<Map<string, string>>;
  /** Records the invoices a claim carries under the member; an invoice recorded already keeps its first claim. */
  recordInvoices(memberId: string, reference: string, contentKeys: readonly string[]): Promise<void>;
  /** Records the claim, its message and its new documents at once; a message is only ever recorded once. */
  create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult>;
  /** Records the document hashes a claim's first write left pending (see `pendingDocumentHashes`). */
  recordPendingDocuments(claim: ClaimRecord): Promise<void>;
  /**
   * Claims an attempt to send, before sending: only one delivery of a message can hold it. A first
   * reply also counts against its recipient's daily limit, in the same write.
   */
  claimSend(reference: string, claim: SendClaim): Promise<ClaimSendResult>;
  /** The attempt was sent (SES's message id): the entry and the claim say so; false when it was settled already. */
  markSent(reference: string, id: SendId, attempt: number, sent: SentReply, statusChange?: StatusChange): Promise<boolean>;
  /** The attempt ended without a send: `unsent` (the next try sends it) or `failed` (the claim goes to review with why). */
  settleSend(reference: string, id: SendId, attempt: number, settlement: SendSettlement): Promise<boolean>;
  /** A reply not sent, on purpose: recorded with why, once. */
  withholdSend(reference: string, id: SendId, entry: LedgerEntry): Promise<boolean>;
  /** Something about the message itself can never succeed: the claim goes to review, with why. */
  holdForReview(reference: string, change: { readonly at: string; readonly reason: string }): Promise<void>;
  /** The claim that sent the message SES knows by `sesMessageId`, from the index written as it was marked sent. */
  findBySentMessageId(sesMessageId: string): Promise<ClaimRecord | undefined>;
  /**
   * Records a message on the claim it joined, once (a redelivery finds it recorded), with what it
   * changes of the claim when the claim still has the status `continuation.from`.
   */
  recordJoinedMessage(reference: string, message: ConversationMessage, continuation?: ClaimContinuation): Promise<JoinResult>;
  /** Adds the event to the claim's; returns the claim with it. */
  recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<ClaimRecord>;
  /**
   * The forward did not reach the administrator (a permanent bounce, a rejection): a forwarded
   * claim goes to REVIEW, with why. False when the claim is no longer FORWARDED.
   */
  markForwardUndelivered(reference: string, change: { readonly at: string; readonly reason: string }): Promise<boolean>;
  /**
   * Records a person's decision and the status it gives the claim, only if the claim still waits
   * for one (DECIDABLE_STATUSES): false when it does not, or no longer does.
   */
  recordDecision(reference: string, decision: ManualDecision): Promise<boolean>;
  /**
   * Records a person's request to send a message again, only if that message was sent and no
   * other resend was recorded since the claim was read (its ledger id is then new): false otherwise.
   */
  recordResend(reference: string, resend: Resend): Promise<boolean>;
}

/** Where raw messages and extracted documents are kept; S3 when deployed. */
export interface MessageStore {
  /** The raw message as it is read: never held whole, a 40 MB message is parsed as it arrives. */
  openRaw(bucket: string, key: string): Promise<Readable>;
  putDocument(key: string, content: Buffer, contentType: string): Promise<void>;
}
