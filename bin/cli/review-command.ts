import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import type { ClaimRecord, ClaimRecordStatus } from '../../functions/shared/domain/claim.ts';
import { senderText } from '../../functions/shared/domain/sender-text.ts';
import { operatorDynamoClient } from './dynamo.ts';
import { UsageError } from './usage-error.ts';

const STATUSES: readonly ClaimRecordStatus[] = ['REVIEW', 'NEEDS_INFO', 'RECEIVED', 'FORWARDED', 'DUPLICATE', 'IGNORED', 'QUARANTINED'];
/** A screenful; the queue is worked from the oldest claim. */
export const DEFAULT_REVIEW_LIMIT = 50;

export interface ReviewListOptions {
  readonly table: string;
  readonly status?: string;
  readonly limit?: string;
  readonly region?: string;
}

/**
 * The claims waiting for a person (REVIEW by default), oldest first, with why each is there.
 */
export async function runReviewList(options: ReviewListOptions): Promise<string[]> {
  const status = parseStatus(options.status ?? 'REVIEW');
  const limit = options.limit === undefined ? DEFAULT_REVIEW_LIMIT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`bad --limit "${options.limit}": expected a whole number from 1`);
  const claims = new DynamoClaimRepository(operatorDynamoClient(options.region), options.table);
  return (await claims.listByStatus(status, limit)).map(reviewLine);
}

function parseStatus(text: string): ClaimRecordStatus {
  const status = STATUSES.find((known) => known === text.toUpperCase());
  if (!status) throw new UsageError(`bad --status "${text}": expected one of ${STATUSES.join('|')}`);
  return status;
}

/**
 * One claim per line: reference, when it came, how, from whom (member number), and why it waits.
 * Reasons name the sender's files: a claim recorded before they were made safe holds them as sent.
 */
export function reviewLine(claim: ClaimRecord): string {
  const received = claim.receivedAt.slice(0, 16).replace('T', ' ');
  const reasons = senderText(claim.reasons.join('; '), 'line');
  return [claim.reference, received, claim.channel.padEnd(5), (claim.memberId ?? '-').padEnd(12), reasons].join('  ');
}
