import { randomUUID } from 'node:crypto';
import { classifyFailure, SendPendingError } from '../adapters/classify-failure.ts';
import type { Mailer } from '../adapters/ses-mailer.ts';
import type { ClaimRecord, ClaimRepository, DeliveryEvent, ReplyQuota } from '../domain/claim.ts';
import { eventOfAttempt, isSendId, isSettled, ledgerEntry, sendTags, sentRecord, statusChangeOnSent, type LedgerEntry, type OutgoingKind, type SendId, type StatusOnSent } from '../domain/ledger.ts';
import type { Language } from '../domain/types.ts';
import type { OutgoingMessage } from '../templates/outgoing-message.ts';
import { required } from './context.ts';

/**
 * How long an attempt whose result is unknown (claimed, no answer recorded, no SES event of it)
 * is given before the message is sent again, as a recorded resend. Longer than any Lambda
 * invocation can run (15 minutes), so an attempt still running is never taken for lost; SES
 * publishes the Send event of a message it took within seconds, so by then silence means SES
 * never took it. The queue redelivers a message six function timeouts apart, so the resend comes
 * at the first or second redelivery, long before the dead-letter queue (test/infra/intake-timing.test.ts).
 */
export const RESEND_AFTER_MS = 16 * 60 * 1000;

/** How long a reply count is kept from the start of its UTC day: that day, and one more, so a late clock never finds it gone. */
const REPLY_COUNT_LIFETIME_SECONDS = 2 * 24 * 60 * 60;

export interface SendOnceDependencies {
  readonly claims: ClaimRepository;
  readonly mailer: Mailer;
  readonly now: () => Date;
  /** Replies one address may receive per UTC day; forwards are not counted. Unset, replies are not counted. */
  readonly replyLimitPerDay?: number;
}

/** One message a claim sends, composed only once it is sure to be sent. */
export interface Outgoing {
  /** The message's id in the claim's ledger (see `SendId`). */
  readonly id: SendId;
  readonly kind: OutgoingKind;
  /** What the message is (forward, acknowledged, needs-info, ...), as tagged on it. */
  readonly messageKind: string;
  readonly to: string;
  readonly cc?: readonly string[];
  readonly language?: Language | 'both';
  /** The status the claim takes once the message is sent. */
  readonly onSent?: StatusOnSent;
  readonly compose: () => Promise<OutgoingMessage>;
}

/**
 * Sends a claim's message at most once, seen from outside: the attempt is claimed in the claims
 * table before SES is called and marked sent with SES's message id after. A try that finds an
 * attempt claimed but not settled takes SES's events of that attempt as its answer; without any,
 * it waits RESEND_AFTER_MS from the attempt, then sends again, recorded as the next attempt with
 * why. Only one delivery of a message can hold an attempt; the others go back to the queue.
 */
export async function sendOnce(claim: ClaimRecord, outgoing: Outgoing, dependencies: SendOnceDependencies): Promise<ClaimRecord> {
  const { claims } = dependencies;
  if (!isSendId(outgoing.id)) throw new Error(`not a ledger id: ${outgoing.id}`);
  const current = ledgerEntry(claim, outgoing.id);
  if (isSettled(current)) return claim;
  if (current?.state === 'sending') {
    const event = eventOfAttempt(claim, outgoing.id, current.attempt);
    if (event) {
      await confirmAttempt(claims, claim, event);
      return reread(claims, claim);
    }
    const waitedMs = dependencies.now().getTime() - Date.parse(current.at);
    if (waitedMs < RESEND_AFTER_MS) {
      throw new SendPendingError(`the ${outgoing.id} of attempt ${current.attempt} may have been sent: waiting for its SES events, or until ${RESEND_AFTER_MS / 60_000} minutes have passed`);
    }
  }

  const message = await outgoing.compose();
  const entry = await claimAttempt(claim, current, outgoing, dependencies);
  if (!entry) return reread(claims, claim);
  let messageId: string;
  try {
    messageId = await dependencies.mailer.send(message, sendTags(claim.reference, outgoing.id, entry.attempt, outgoing.messageKind));
  } catch (error) {
    const failure = classifyFailure(error);
    const at = dependencies.now().toISOString();
    if (failure.kind === 'permanent') {
      await claims.settleSend(claim.reference, outgoing.id, entry.attempt, { state: 'failed', at, reason: `the ${outgoing.id} was not sent: ${failure.reason}` });
      return reread(claims, claim);
    }
    // SES said it took nothing: the next try sends without waiting, and it is no resend. Otherwise
    // (a timeout, a 5xx) the attempt stays in doubt; so does it if this write fails, which only
    // delays the next try.
    if (failure.accepted === 'no') {
      await claims.settleSend(claim.reference, outgoing.id, entry.attempt, { state: 'unsent', at, reason: failure.reason }).catch(() => false);
    }
    throw error;
  }
  const at = dependencies.now().toISOString();
  await claims.markSent(claim.reference, outgoing.id, entry.attempt, sentRecord(entry, messageId, at), statusChangeOnSent(entry, at));
  return reread(claims, claim);
}

/**
 * An SES event names an attempt still in doubt: SES took it, so it is marked sent with the
 * event's message id. The delivery-events function and a later try of the intake both come here.
 */
export async function confirmAttempt(claims: ClaimRepository, claim: ClaimRecord, event: DeliveryEvent): Promise<boolean> {
  const send = event.send;
  const entry = send && ledgerEntry(claim, send.id);
  if (!send || entry?.state !== 'sending' || entry.attempt !== send.attempt) return false;
  return claims.markSent(claim.reference, send.id, entry.attempt, sentRecord(entry, send.messageId, event.at), statusChangeOnSent(entry, event.at));
}

/**
 * Claims the next attempt, or learns why not: undefined when the message is settled (sent by
 * another delivery, or withheld by the reply limit), a SendPendingError when another delivery
 * holds it.
 */
async function claimAttempt(
  claim: ClaimRecord,
  current: LedgerEntry | undefined,
  outgoing: Outgoing,
  dependencies: SendOnceDependencies,
): Promise<LedgerEntry | undefined> {
  const now = dependencies.now();
  const attempt = (current?.attempt ?? 0) + 1;
  const entry: LedgerEntry = {
    kind: outgoing.kind,
    state: 'sending',
    attempt,
    at: now.toISOString(),
    token: randomUUID(),
    to: outgoing.to,
    ...(outgoing.cc ? { cc: outgoing.cc } : {}),
    ...(outgoing.language ? { language: outgoing.language } : {}),
    ...(outgoing.onSent ? { onSent: outgoing.onSent } : {}),
    ...(current?.state === 'sending'
      ? { reason: `${outgoing.id} resent as attempt ${attempt}: attempt ${current.attempt} had no result after ${RESEND_AFTER_MS / 60_000} minutes` }
      : {}),
  };
  const limit = dependencies.replyLimitPerDay;
  const quota = outgoing.kind === 'reply' && !current && limit !== undefined ? replyQuota(outgoing.to, now, limit) : undefined;
  const result = await dependencies.claims.claimSend(claim.reference, {
    id: outgoing.id,
    entry,
    ...(current ? { replaces: { attempt: current.attempt, state: current.state === 'sending' ? 'sending' : 'unsent' } } : {}),
    ...(quota ? { quota } : {}),
  });
  if (result === 'claimed') return entry;
  if (result === 'over-limit') {
    await dependencies.claims.withholdSend(claim.reference, outgoing.id, {
      ...entry,
      state: 'withheld',
      reason: `no reply sent: its address had the ${quota?.limit} replies a day it may receive`,
    });
    return undefined;
  }
  // Taken: by this very write, retried by the SDK after a lost answer, or by another delivery.
  const held = ledgerEntry(await reread(dependencies.claims, claim), outgoing.id);
  if (held?.token === entry.token) return entry;
  if (isSettled(held)) return undefined;
  throw new SendPendingError(`another delivery of the message holds the ${outgoing.id}`);
}

function replyQuota(recipient: string, now: Date, limit: number): ReplyQuota {
  const day = now.toISOString().slice(0, 10);
  return { recipient: recipient.toLowerCase(), day, limit, expiresAt: Math.floor(Date.parse(day) / 1000) + REPLY_COUNT_LIFETIME_SECONDS };
}

async function reread(claims: ClaimRepository, claim: ClaimRecord): Promise<ClaimRecord> {
  return required(await claims.get(claim.reference), 'the recorded claim');
}
