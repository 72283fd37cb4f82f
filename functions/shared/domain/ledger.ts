import type { ClaimRecord, DeliveryEvent, SentReply, StatusChange } from './claim.ts';
import type { Language } from './types.ts';

/** The messages a claim may send: its forward to the administrator, and one reply to the sender. */
export type OutgoingKind = 'forward' | 'reply';

/**
 * Where an outgoing message stands:
 * - `sending`: an attempt was claimed and may have reached SES; nobody knows yet;
 * - `unsent`: the attempt was refused before SES took it (throttled): the next try sends it;
 * - `sent`: SES took it and gave its message id (or SES's events of the attempt say so);
 * - `withheld`: never sent, on purpose (the recipient's daily reply limit);
 * - `failed`: SES refused it for good; the claim went to review.
 */
export type LedgerState = 'sending' | 'unsent' | 'sent' | 'withheld' | 'failed';

/** One outgoing message of a claim: claimed before it is sent, settled after. */
export interface LedgerEntry {
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
}

/** Claim attributes holding each outgoing message's entry. */
export const LEDGER_FIELDS = { forward: 'forwardSend', reply: 'replySend' } as const satisfies Record<OutgoingKind, keyof ClaimRecord>;

/** Claim attributes holding what was sent, as the status page and the metrics read it. */
export const SENT_FIELDS = { forward: 'forward', reply: 'acknowledgement' } as const satisfies Record<OutgoingKind, keyof ClaimRecord>;

export function ledgerEntry(claim: ClaimRecord, kind: OutgoingKind): LedgerEntry | undefined {
  return claim[LEDGER_FIELDS[kind]];
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

/** A sent forward makes the claim FORWARDED; a reply changes no status. */
export function statusChangeOnSent(claim: ClaimRecord, kind: OutgoingKind, at: string): StatusChange | undefined {
  return kind === 'forward' ? { status: 'FORWARDED', at, detail: `to ${claim.route ?? 'its administrator'}` } : undefined;
}

/**
 * SES's events say which attempt they concern through the tags the mailer set (claim reference,
 * message kind, attempt), not through SES's message id: an attempt whose SendEmail answer was
 * lost (a timeout, a crash) has no message id on our side, yet its events name it. Any event of
 * an attempt (send, delivery, bounce, complaint, reject) proves SES took that attempt.
 */
export function eventOfAttempt(claim: ClaimRecord, kind: OutgoingKind, attempt: number): DeliveryEvent | undefined {
  return claim.deliveryEvents?.find((event) => event.send?.kind === kind && event.send.attempt === attempt);
}

/** Tags every outgoing message carries, so its SES events find their claim and attempt. */
export function sendTags(reference: string, kind: OutgoingKind, attempt: number, messageKind: string): Record<string, string> {
  return { claimReference: reference, kind: messageKind, ledger: kind, attempt: String(attempt) };
}
