import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeadLetter } from '../../bin/local/ses-receiving.ts';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { ledgerEntry, type LedgerEntry } from '../../functions/shared/domain/ledger.ts';
import { ADMINISTRATORS } from '../../functions/shared/domain/administrators.ts';
import type { ClaimStatus } from '../../functions/shared/domain/types.ts';

/** What the load left, as `bench/load-results.json` reports it. */
export interface LoadFigures {
  readonly claims: number;
  /** Accepted messages that became exactly one claim. */
  readonly recorded: number;
  readonly forwards: number;
  /** Replies to members of every kind: acknowledgements, duplicate and review notices, requests for what is missing. */
  readonly acknowledgements: number;
  /** Copies of a forward or reply beyond the one the claim records, and not recorded as a resend. */
  readonly duplicateSends: number;
  /** Accepted over SMTP, with no claim and not in the dead-letter list. */
  readonly lost: number;
  readonly deadLettered: number;
}

export interface AcceptedMessage {
  readonly sesMessageId: string;
  /** What the load sent it as: outcomes are counted by it. */
  readonly kind: string;
  /** DUPLICATE for a re-sent claim; undefined when any recorded status will do. */
  readonly expectedStatus?: ClaimStatus;
}

export interface Tally {
  readonly figures: LoadFigures;
  /** Claims by what was sent and what it became, e.g. `duplicate DUPLICATE`. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Why the run failed, if it did: one line each. */
  readonly problems: readonly string[];
}

const FINAL_STATUSES: ReadonlySet<string> = new Set<ClaimStatus>(['FORWARDED', 'NEEDS_INFO', 'REVIEW', 'IGNORED', 'QUARANTINED', 'DUPLICATE']);
const ADMINISTRATOR_ADDRESSES: ReadonlySet<string> = new Set(Object.values(ADMINISTRATORS).map(({ email }) => email.toLowerCase()));
const REFERENCE_IN_SUBJECT = /CLM-\d{4}-[2-9A-HJKMNP-TV-Z]{6}/g;

type Ledger = 'forward' | 'reply';

/** Every claim item of the table, by the SES message it came from. */
export async function claimsByMessage(dynamo: DynamoDBDocumentClient, table: string): Promise<Map<string, ClaimRecord[]>> {
  const bySesMessageId = new Map<string, ClaimRecord[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({ TableName: table, FilterExpression: 'sk = :claim', ExpressionAttributeValues: { ':claim': 'CLAIM' }, ExclusiveStartKey: startKey }),
    );
    for (const { pk: _pk, sk: _sk, ...item } of page.Items ?? []) {
      const claim = item as ClaimRecord;
      bySesMessageId.set(claim.sesMessageId, [...(bySesMessageId.get(claim.sesMessageId) ?? []), claim]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return bySesMessageId;
}

/**
 * Checks every accepted message against the claims table, the SES outbox and the dead-letter list:
 * one claim each in a final state, nothing left half sent, and no copy of a forward or reply
 * that its claim does not account for.
 */
export function tally(accepted: readonly AcceptedMessage[], claims: ReadonlyMap<string, readonly ClaimRecord[]>, outbox: readonly OutboxEmail[], deadLetters: readonly DeadLetter[]): Tally {
  const problems: string[] = [];
  const deadLettered = new Set(deadLetters.map(({ sesMessageId }) => sesMessageId));
  const outcomes: Record<string, number> = {};
  const ours: ClaimRecord[] = [];
  let lost = 0;
  for (const { sesMessageId, kind, expectedStatus } of accepted) {
    const recorded = claims.get(sesMessageId) ?? [];
    if (recorded.length === 0 && !deadLettered.has(sesMessageId)) lost += 1;
    if (recorded.length > 1) problems.push(`${sesMessageId} became ${recorded.length} claims`);
    const [claim] = recorded;
    if (!claim) continue;
    ours.push(claim);
    const outcome = `${kind} ${claim.status}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const forward = ledgerEntry(claim, 'forward')?.state;
    const reply = ledgerEntry(claim, 'reply')?.state;
    if (!FINAL_STATUSES.has(claim.status) || forward === 'sending' || reply === 'sending') {
      problems.push(`${claim.reference} is not settled: ${claim.status}, forward ${forward ?? 'none'}, reply ${reply ?? 'none'}`);
    }
    if (expectedStatus && claim.status !== expectedStatus) problems.push(`${claim.reference} is ${claim.status}, not ${expectedStatus}`);
  }
  if (lost > 0) problems.push(`${lost} accepted messages have no claim and are not dead-lettered`);
  const deadLetteredCount = accepted.filter(({ sesMessageId }) => deadLettered.has(sesMessageId)).length;
  // The load's faults last one delivery: a message that used up the queue's retries found another failure.
  if (deadLetteredCount > 0) problems.push(`${deadLetteredCount} messages were dead-lettered`);

  const duplicateSends = unaccountedCopies(ours, outbox, problems);
  if (duplicateSends > 0) problems.push(`${duplicateSends} forwards or replies were sent more than once without a recorded resend`);
  const forwards = outbox.filter(isForward).length;
  return {
    figures: {
      claims: accepted.length,
      recorded: accepted.filter(({ sesMessageId }) => claims.get(sesMessageId)?.length === 1).length,
      forwards,
      acknowledgements: outbox.length - forwards,
      duplicateSends,
      lost,
      deadLettered: deadLetteredCount,
    },
    outcomes,
    problems,
  };
}

const isForward = (email: OutboxEmail) => email.destination.to.some((to) => ADMINISTRATOR_ADDRESSES.has(to.toLowerCase()));

/**
 * Each outbox message is either the one a claim records (its SES message id), or an earlier
 * attempt of a send the claim recorded as resent (attempt n leaves n - 1 earlier copies); any other
 * is a copy sent twice. A copy is matched to its claim by the reference in its subject.
 */
function unaccountedCopies(claims: readonly ClaimRecord[], outbox: readonly OutboxEmail[], problems: string[]): number {
  const recordedIds = new Set<string>();
  const resendsLeft = new Map<string, number>();
  for (const claim of claims) {
    for (const [ledger, sent, entry] of [
      ['forward', claim.forward, ledgerEntry(claim, 'forward')],
      ['reply', claim.acknowledgement, ledgerEntry(claim, 'reply')],
    ] as const) {
      if (sent) recordedIds.add(sent.messageId);
      resendsLeft.set(`${claim.reference} ${ledger}`, recordedResends(claim, entry));
    }
  }
  const outboxIds = new Set(outbox.map(({ messageId }) => messageId));
  for (const id of recordedIds) if (!outboxIds.has(id)) problems.push(`${id} is recorded as sent but is not in the SES outbox`);

  let copies = 0;
  for (const email of outbox) {
    if (recordedIds.has(email.messageId)) continue;
    const ledger: Ledger = isForward(email) ? 'forward' : 'reply';
    const key = [...email.subject.matchAll(REFERENCE_IN_SUBJECT)].map(([reference]) => `${reference} ${ledger}`).find((candidate) => (resendsLeft.get(candidate) ?? 0) > 0);
    if (key) resendsLeft.set(key, (resendsLeft.get(key) ?? 0) - 1);
    else copies += 1;
  }
  return copies;
}

/** Earlier attempts of a send the claim says it resent, and why. */
function recordedResends(claim: ClaimRecord, entry: LedgerEntry | undefined): number {
  if (!entry || entry.attempt <= 1 || !entry.reason || !claim.reasons.includes(entry.reason)) return 0;
  return entry.attempt - 1;
}
