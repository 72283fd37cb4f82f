import type { ClaimRecord, ClaimRecordStatus, StatusChange } from './claim.ts';
import { isSettled, ledgerEntry, type SendId } from './ledger.ts';
import { senderText } from './sender-text.ts';
import type { ClaimStatus, Route } from './types.ts';

/** What a person may decide of a claim the intake held: forward it to an administrator, or decline it. */
export type Decision = { readonly action: 'route'; readonly route: Route } | { readonly action: 'reject' };

/**
 * The ledger ids of what a decision sends, fixed when it is recorded so that carrying it out again
 * sends the same messages: the claim's first forward, or one of its own when the claim had one
 * (a forward that bounced); a reply of its own, after the claim's first.
 */
export interface DecisionSends {
  readonly forward?: SendId;
  readonly reply: SendId;
}

/** A person's decision as the claim records it: what, who, why and when. */
export type ManualDecision = Decision & {
  readonly sends: DecisionSends;
  /** The caller's identity: an IAM ARN on AWS, the user name on the local stack. */
  readonly by: string;
  /** The note or reason the person gave, on one line. */
  readonly why: string;
  readonly at: string;
};

/** Only a claim waiting for a person can be decided: any other has been carried out, or set aside on purpose. */
export const DECIDABLE_STATUSES: readonly ClaimRecordStatus[] = ['REVIEW', 'NEEDS_INFO'];

/** What the claim becomes once decided: a routed claim is RECEIVED until its forward is sent. */
export function decidedStatus(decision: Decision): { readonly status: ClaimRecordStatus; readonly outcome: ClaimStatus } {
  return decision.action === 'route' ? { status: 'RECEIVED', outcome: 'FORWARDED' } : { status: 'REJECTED', outcome: 'REJECTED' };
}

/** The history line of a decision: what was decided and why, not who (the decision keeps that). */
export function decisionStatusChange(decision: ManualDecision): StatusChange {
  const what = decision.action === 'route' ? `routed to ${decision.route} by a person` : 'declined by a person';
  return { status: decidedStatus(decision).status, at: decision.at, detail: `${what}: ${decision.why}` };
}

/**
 * The decision to record on the claim: who and why made safe to store and to show. A person's words are
 * trusted more than a sender's, yet they reach a member's message and a terminal, so they get
 * the same rules: one line, nothing invisible, a bounded length.
 */
export function manualDecision(claim: ClaimRecord, decision: Decision, by: string, why: string, at: Date): ManualDecision {
  return { ...decision, sends: decisionSends(claim, decision), by: senderText(by, 'line'), why: senderText(why, 'line'), at: at.toISOString() };
}

function decisionSends(claim: ClaimRecord, decision: Decision): DecisionSends {
  const number = (claim.decisions ?? []).length + 1;
  if (decision.action === 'reject') return { reply: `reply-rejection-${number}` };
  return { forward: ledgerEntry(claim, 'forward') ? `forward-decision-${number}` : 'forward', reply: `reply-decision-${number}` };
}

/** Why a claim cannot be decided, or undefined when it can. */
export function whyNotDecidable(claim: ClaimRecord): string | undefined {
  if (DECIDABLE_STATUSES.includes(claim.status)) return undefined;
  const last = claim.decisions?.at(-1);
  const decided = last ? `; decided by ${last.by} at ${last.at}: ${last.why}` : '';
  return `${claim.reference} is ${claim.status}: only a claim in ${DECIDABLE_STATUSES.join(' or ')} can be decided${decided}`;
}

/** A message a person may have sent again: the claim's forward, or the reply to the member. */
export type ResentMessage = 'forward' | 'acknowledgement';

/** A message sent again at a person's request: a message of its own in the claim's ledger, with who and why. */
export interface Resend {
  readonly message: ResentMessage;
  /** 1 for the claim's first resend, of either message. */
  readonly number: number;
  /** Its id in the claim's ledger: `forward-resend-1`, `reply-resend-2`, … */
  readonly sendId: string;
  readonly by: string;
  readonly why: string;
  readonly at: string;
}

/** The claim's next resend: numbered after those it recorded, so its ledger id is new. */
export function nextResend(claim: ClaimRecord, message: ResentMessage, by: string, why: string, at: Date): Resend {
  const number = (claim.resends ?? []).length + 1;
  const sendId = `${message === 'forward' ? 'forward' : 'reply'}-resend-${number}`;
  return { message, number, sendId, by: senderText(by, 'line'), why: senderText(why, 'line'), at: at.toISOString() };
}

/** Why the message cannot be resent (it was never sent), or undefined when it can. */
export function whyNotResendable(claim: ClaimRecord, message: ResentMessage): string | undefined {
  const sent = message === 'forward' ? claim.forward : claim.acknowledgement;
  if (!sent) return `${claim.reference} is ${claim.status} and has no ${message} sent: only a message sent can be sent again`;
  // What was missing is not recorded, and the answer to the request makes a new claim anyway.
  if (message === 'acknowledgement' && claim.status === 'NEEDS_INFO') return `${claim.reference} is NEEDS_INFO: a request for information is not sent again, the member's answer makes a new claim`;
  return undefined;
}

/**
 * A resend of the message that was recorded but whose sending is not known done (the command, or
 * the function carrying it out, stopped half-way): asked for again, it is carried out again
 * rather than doubled.
 */
export function unfinishedResend(claim: ClaimRecord, message: ResentMessage): Resend | undefined {
  return (claim.resends ?? []).find((resend) => resend.message === message && !isSettled(ledgerEntry(claim, resend.sendId)));
}
