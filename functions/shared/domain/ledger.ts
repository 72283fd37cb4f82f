import type { ClaimRecord, ClaimRecordStatus, DeliveryEvent, SentReply, StatusChange } from './claim.ts';
import type { Language } from './types.ts';

/** Who a message goes to: the administrator (a forward) or the sender (a reply, counted against the reply limit). */
export type OutgoingKind = 'forward' | 'reply';

/**
 * A message's id in its claim's ledger. The first forward and reply are `forward` and `reply`; a
 * later message names itself (`reply-reminder-1`, `forward-follow-up-1`): the same id is the same
 * message, sent at most once however often it is asked for.
 */
export type SendId = string;

/** Lower-case letters, digits and hyphens: the id travels as an SES message tag, whose values allow no more. */
const SEND_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isSendId(value: string): boolean {
  return SEND_ID.test(value);
}

/**
 * Where an outgoing message stands:
 * - `sending`: an attempt was claimed and may have reached SES; nobody knows yet;
 * - `unsent`: the attempt was refused before SES took it (throttled): the next try sends it;
 * - `sent`: SES took it and gave its message id (or SES's events of the attempt say so);
 * - `withheld`: never sent, on purpose (the recipient's daily reply limit);
 * - `failed`: SES refused it for good; the claim went to review.
 */
export type LedgerState = 'sending' | 'unsent' | 'sent' | 'withheld' | 'failed';

const SETTLED: ReadonlySet<LedgerState> = new Set(['sent', 'withheld', 'failed']);

/** The message's fate is known: sent, withheld on purpose, or refused for good. */
export function isSettled(entry: LedgerEntry | undefined): boolean {
  return entry !== undefined && SETTLED.has(entry.state);
}

/** The status a claim takes once one of its messages is known sent (a forward: FORWARDED). */
export interface StatusOnSent {
  readonly status: ClaimRecordStatus;
  readonly detail?: string;
}

/** One outgoing message of a claim: claimed before it is sent, settled after. */
export interface LedgerEntry {
  readonly kind: OutgoingKind;
  readonly state: LedgerState;
  /** 1 for the first send; each resend after a doubt adds one. */
  readonly attempt: number;
  /** When the current attempt was claimed. */
  readonly at: string;
  /** Random per attempt: tells the delivery that claimed it from a concurrent one. */
  readonly token: string;
  readonly to: string;
  readonly cc?: readonly string[];
  readonly language?: Language | 'both';
  readonly messageId?: string;
  readonly sentAt?: string;
  /** Why it was resent, withheld, or refused. */
  readonly reason?: string;
  /** Kept with the entry, so whoever learns it was sent (the sender, or SES's events) applies it. */
  readonly onSent?: StatusOnSent;
}

/** The claim attributes that show the first forward and reply as sent, as the status page and the metrics read them. */
const FIRST_SENT_FIELDS: Readonly<Record<SendId, 'forward' | 'acknowledgement'>> = { forward: 'forward', reply: 'acknowledgement' };

export function sentField(id: SendId): 'forward' | 'acknowledgement' | undefined {
  return Object.hasOwn(FIRST_SENT_FIELDS, id) ? FIRST_SENT_FIELDS[id] : undefined;
}

export function ledgerEntry(claim: ClaimRecord, id: SendId): LedgerEntry | undefined {
  return claim.sends && Object.hasOwn(claim.sends, id) ? claim.sends[id] : undefined;
}

/** A claim's messages, by when their latest attempt was claimed (a stored map keeps no order). */
export function ledgerEntries(claim: ClaimRecord): [SendId, LedgerEntry][] {
  return Object.entries(claim.sends ?? {}).sort(([, one], [, other]) => one.at.localeCompare(other.at));
}

/** What the claim records once the message of `entry` is known sent. */
export function sentRecord(entry: LedgerEntry, messageId: string, at: string): SentReply {
  return {
    to: entry.to,
    ...(entry.cc ? { cc: entry.cc } : {}),
    messageId,
    at,
    ...(entry.language ? { language: entry.language } : {}),
  };
}

/** The status change the entry's message makes once sent, if any. */
export function statusChangeOnSent(entry: LedgerEntry, at: string): StatusChange | undefined {
  return entry.onSent ? { ...entry.onSent, at } : undefined;
}

/**
 * SES's events say which attempt they concern through the tags the mailer set (claim reference,
 * message id in the ledger, attempt), not through SES's message id: an attempt whose SendEmail
 * answer was lost (a timeout, a crash) has no message id on our side, yet its events name it. Any
 * event of an attempt (send, delivery, bounce, complaint, reject) proves SES took that attempt.
 */
export function eventOfAttempt(claim: ClaimRecord, id: SendId, attempt: number): DeliveryEvent | undefined {
  return claim.deliveryEvents?.find((event) => event.send?.id === id && event.send.attempt === attempt);
}

/** Tags every outgoing message carries, so its SES events find their claim and attempt. */
export function sendTags(reference: string, id: SendId, attempt: number, messageKind: string): Record<string, string> {
  return { claimReference: reference, kind: messageKind, ledger: id, attempt: String(attempt) };
}
