import type { ParsedMail } from 'mailparser';
import type { ClaimRecord, ConversationMessage } from '../domain/claim.ts';
import type { FaxDetails } from '../domain/fax/index.ts';
import type { InvoiceReading } from '../domain/invoices/index.ts';
import type { ScreeningResult } from '../domain/screening.ts';
import type { TextReading } from '../domain/documents/text-reading.ts';
import type { SenderAuthenticity } from '../domain/sender-authenticity.ts';
import type { Channel, ClaimStatus, DocumentFile, LocationDecision, Member, TextSource, Verdicts } from '../domain/types.ts';

/** What is known of a message before it is read: the envelope and SES's receipt verdicts. */
export interface MessageEnvelope {
  readonly sesMessageId: string;
  readonly receivedAt: Date;
  /** SMTP MAIL FROM; empty for the null return path. */
  readonly envelopeSender: string;
  readonly recipients: readonly string[];
  readonly verdicts: Verdicts;
}

export interface MemberIdentification {
  readonly member?: Member;
  /** How the member was (or was not) found, for a person. */
  readonly reasons: readonly string[];
  /** Several different members matched: a person must choose. */
  readonly ambiguous: boolean;
}

export type MissingInformation = 'documents' | 'member-number';

export interface Outcome {
  readonly status: ClaimStatus;
  readonly reasons: readonly string[];
  /** For NEEDS_INFO: what the sender must send. */
  readonly missing?: MissingInformation;
}

/** A file made for the forward from a document the member sent: the PDF of a TIFF fax. */
export interface Rendition {
  /** File name of the document it was made from. */
  readonly of: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/**
 * The one object the intake steps read and extend, in order: each step adds its part and is
 * testable alone with a hand-made context.
 */
export interface IntakeContext {
  readonly envelope: MessageEnvelope;
  /** The message as parsed; empty when it could not be read. */
  readonly mail: ParsedMail;
  /** Why the message could not be read, when it could not: only its envelope is known. */
  readonly unreadable?: string;
  /**
   * The text of the message's body, what every step that reads the body reads: its text parts, or
   * its HTML read in the decoder process; no text, with why, when that HTML passed a bound.
   */
  readonly body?: TextReading;
  readonly channel: Channel;
  /** Whether the `From` domain is authentic: what every step that trusts the sender reads. */
  readonly sender?: SenderAuthenticity;
  /** What the fax gateway said of a fax. */
  readonly fax?: FaxDetails;
  readonly screening?: ScreeningResult;
  readonly documents?: readonly DocumentFile[];
  /** Subject, bodies and forwarded messages' texts, for evidence. */
  readonly messageTexts?: readonly TextSource[];
  /** Files made from the documents for the administrator, forwarded after them. */
  readonly renditions?: readonly Rendition[];
  readonly identification?: MemberIdentification;
  readonly location?: LocationDecision;
  /** What the documents that read as invoices, receipts or statements say. */
  readonly invoices?: readonly InvoiceReading[];
  readonly outcome?: Outcome;
  /** The claim the message joined (domain/conversation.ts); absent for a message that starts a claim. */
  readonly conversation?: Conversation;
  /**
   * The claim the message became already, as looked up once by its SES message id (a redelivery);
   * `claim` absent for a message not recorded yet. Absent itself when nobody looked.
   */
  readonly recorded?: { readonly claim?: ClaimRecord };
}

/** A message joining an existing claim, and who it is from. */
export interface Conversation {
  readonly claim: ClaimRecord;
  readonly joinedBy: ConversationMessage['joinedBy'];
  readonly from: ConversationMessage['from'];
}

/** A step reads what earlier steps added; calling one out of order is a programming error. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Intake step ran before knowing ${what}`);
  return value;
}
