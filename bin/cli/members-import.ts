import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { memberFaxItem, memberProfileItem, toMember } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { memberFaxKey, memberKey } from '../../functions/shared/adapters/table-design.ts';
import type { Member } from '../../functions/shared/domain/types.ts';
import { memberRows } from './members-rows.ts';
import { InputError } from './usage-error.ts';

/** DynamoDB's limit on requests in one BatchWriteItem call, and the members read and written together. */
const BATCH_SIZE = 25;
/** Batches in flight at once: faster on a large file, and still well within a table's burst capacity. */
const BATCHES_AT_ONCE = 8;
/** What DynamoDB leaves unprocessed (throttled) is sent again this many times, backing off, before the import fails. */
const MAX_BATCH_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 2_000;

export interface ImportProgress {
  start(total: number): void;
  advance(rows: number): void;
  stop(): void;
}

export interface MembersImportOptions {
  readonly file: string;
  readonly dynamo: DynamoDBDocumentClient;
  readonly table: string;
  /** Imports the good rows of a file with bad ones. */
  readonly skipInvalid: boolean;
  /** Reads, checks and compares; writes nothing. */
  readonly dryRun: boolean;
  readonly progress: ImportProgress;
  /** Each bad row, as it is found. */
  readonly onInvalid: (reason: string) => void;
}

export interface MembersImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Bad rows left out with --skip-invalid. */
  readonly skipped: number;
}

/**
 * Imports a members file in two reads of it: the first checks every row (a file with errors
 * imports nothing unless told to skip them), the second compares each batch with the table and
 * writes what changed. Neither holds more than a few batches.
 */
export async function importMembers(options: MembersImportOptions): Promise<MembersImportSummary> {
  let valid = 0;
  let invalid = 0;
  for await (const row of memberRows(options.file)) {
    if ('member' in row) valid++;
    else {
      invalid++;
      options.onInvalid(row.error.message);
    }
  }
  if (invalid > 0 && !options.skipInvalid) {
    throw new InputError(`${invalid} row${invalid === 1 ? '' : 's'} with errors: nothing imported (--skip-invalid imports the others)`);
  }

  const counts = { created: 0, updated: 0, unchanged: 0, skipped: invalid };
  options.progress.start(valid);
  let batch: Member[] = [];
  let inFlight: Promise<void>[] = [];
  const flush = async (members: Member[]) => {
    const outcome = await importBatch(options, members);
    counts.created += outcome.created;
    counts.updated += outcome.updated;
    counts.unchanged += outcome.unchanged;
    options.progress.advance(members.length);
  };
  try {
    for await (const row of memberRows(options.file)) {
      if (!('member' in row)) continue;
      batch.push(row.member);
      if (batch.length < BATCH_SIZE) continue;
      inFlight.push(flush(batch));
      batch = [];
      if (inFlight.length >= BATCHES_AT_ONCE) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    if (batch.length > 0) inFlight.push(flush(batch));
    await Promise.all(inFlight);
  } finally {
    options.progress.stop();
  }
  return counts;
}

async function importBatch(options: MembersImportOptions, members: readonly Member[]): Promise<Omit<MembersImportSummary, 'skipped'>> {
  const stored = await storedMembers(options.dynamo, options.table, members);
  const outcome = { created: 0, updated: 0, unchanged: 0 };
  const writes: Record<string, unknown>[] = [];
  for (const member of members) {
    const before = stored.get(member.memberId);
    if (before && sameMember(before, member)) {
      outcome.unchanged++;
      continue;
    }
    if (before) outcome.updated++;
    else outcome.created++;
    writes.push({ PutRequest: { Item: memberProfileItem(member) } });
    for (const faxNumber of new Set(member.faxNumbers)) writes.push({ PutRequest: { Item: memberFaxItem(member.memberId, faxNumber) } });
    // A number no longer registered must stop identifying the member.
    for (const faxNumber of before?.faxNumbers ?? []) {
      if (!member.faxNumbers.includes(faxNumber)) writes.push({ DeleteRequest: { Key: memberFaxKey(member.memberId, faxNumber) } });
    }
  }
  if (!options.dryRun) {
    for (let start = 0; start < writes.length; start += BATCH_SIZE) {
      await writeBatch(options.dynamo, options.table, writes.slice(start, start + BATCH_SIZE));
    }
  }
  return outcome;
}

async function storedMembers(dynamo: DynamoDBDocumentClient, table: string, members: readonly Member[]): Promise<Map<string, Member>> {
  const found = new Map<string, Member>();
  let keys: Record<string, unknown>[] = members.map((member) => memberKey(member.memberId));
  for (let attempt = 1; keys.length > 0; attempt++) {
    if (attempt > MAX_BATCH_ATTEMPTS) throw new Error(`DynamoDB left ${keys.length} members unread after ${MAX_BATCH_ATTEMPTS} attempts`);
    if (attempt > 1) await backOff(attempt);
    const { Responses, UnprocessedKeys } = await dynamo.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
    for (const item of Responses?.[table] ?? []) found.set(String(item.memberId), toMember(item));
    keys = UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return found;
}

async function writeBatch(dynamo: DynamoDBDocumentClient, table: string, requests: Record<string, unknown>[]): Promise<void> {
  let pending = requests;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_BATCH_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} writes unprocessed after ${MAX_BATCH_ATTEMPTS} attempts`);
    if (attempt > 1) await backOff(attempt);
    const { UnprocessedItems } = await dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    pending = (UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
  }
}

/** Exponential, with full jitter, as AWS advises for retried batches. */
function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 2));
  return sleep(Math.random() * ceiling);
}

function sameMember(stored: Member, member: Member): boolean {
  return JSON.stringify(memberProfileItem(stored)) === JSON.stringify(memberProfileItem(member));
}
