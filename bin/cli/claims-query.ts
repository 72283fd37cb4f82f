import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toClaim } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { CLAIMS_TABLE_DESIGN } from '../../functions/shared/adapters/table-design.ts';
import type { ClaimRecord, ClaimRecordStatus, ClaimRepository } from '../../functions/shared/domain/claim.ts';
import { InputError, UsageError } from './usage-error.ts';

export const CLAIM_STATUSES: readonly ClaimRecordStatus[] = ['REVIEW', 'NEEDS_INFO', 'RECEIVED', 'FORWARDED', 'DUPLICATE', 'IGNORED', 'QUARANTINED', 'REJECTED'];

/** The claim a reference names, as a person types it: spaces around it and case do not matter. */
export async function findClaim(claims: ClaimRepository, reference: string): Promise<ClaimRecord> {
  const found = await claims.get(reference.trim().toUpperCase());
  if (!found) throw new InputError(`no claim ${reference}`);
  return found;
}

export function parseStatus(text: string): ClaimRecordStatus {
  const status = CLAIM_STATUSES.find((known) => known === text.toUpperCase());
  if (!status) throw new UsageError(`bad --status "${text}": expected one of ${CLAIM_STATUSES.join('|')}`);
  return status;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "7d", "12h", "30m": how far back, from now. */
export function parseSince(text: string, now: Date): string {
  const match = /^(\d+)([mhd])$/.exec(text);
  if (!match?.[1] || !match[2]) throw new UsageError(`bad --since "${text}": expected a number and m, h or d (30m, 12h, 7d)`);
  return new Date(now.getTime() - Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]).toISOString();
}

export interface ClaimsQuery {
  /** Absent with a member: all their claims. */
  readonly status?: ClaimRecordStatus;
  readonly memberId?: string;
  /** ISO time: claims created from then on. */
  readonly since?: string;
  readonly limit: number;
}

/**
 * Claims oldest first, from the member index when a member is named, else from the status index.
 * Pages are followed until the limit is reached: a status filter on the member index may leave a page short.
 */
export async function queryClaims(dynamo: DynamoDBDocumentClient, table: string, query: ClaimsQuery): Promise<ClaimRecord[]> {
  const byMember = query.memberId !== undefined;
  const index = byMember ? CLAIMS_TABLE_DESIGN.memberIndex : CLAIMS_TABLE_DESIGN.statusIndex;
  const names: Record<string, string> = { '#key': index.partitionKey };
  const values: Record<string, string> = { ':key': byMember ? (query.memberId ?? '') : (query.status ?? 'REVIEW') };
  if (query.since) {
    names['#created'] = index.sortKey;
    values[':since'] = query.since;
  }
  let filter: string | undefined;
  if (byMember && query.status) {
    names['#status'] = 'status';
    values[':status'] = query.status;
    filter = '#status = :status';
  }
  const claims: ClaimRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: table,
        IndexName: index.name,
        KeyConditionExpression: query.since ? '#key = :key AND #created >= :since' : '#key = :key',
        FilterExpression: filter,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
        Limit: query.limit,
      }),
    );
    claims.push(...(page.Items ?? []).map(toClaim));
    startKey = page.LastEvaluatedKey;
  } while (startKey && claims.length < query.limit);
  return claims.slice(0, query.limit);
}
