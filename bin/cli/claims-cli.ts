import type { Command } from 'commander';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { saveClaimDocuments } from './claim-documents.ts';
import { addDecisionCommands } from './decision-commands.ts';
import { claimDetails, claimsTable } from './claim-view.ts';
import { findClaim, parseSince, parseStatus, queryClaims } from './claims-query.ts';
import { describe, positiveInteger } from './program.ts';
import { reviewLine } from './review-command.ts';
import { operatorDynamoClient } from './dynamo.ts';
import { withTarget, withTargetOptions, type Target, type TargetOptions } from './target.ts';

/** A screenful; the queue is worked from the oldest claim. */
export const DEFAULT_LIST_LIMIT = 50;

interface ListOptions extends TargetOptions {
  readonly status?: string;
  readonly since?: string;
  readonly member?: string;
  readonly limit: number;
  readonly json?: boolean;
}

function listOptions(command: Command): Command {
  return withTargetOptions(command)
    .option('--status <status>', 'REVIEW, NEEDS_INFO, RECEIVED, FORWARDED, DUPLICATE, IGNORED, QUARANTINED or REJECTED (default: REVIEW, or all of a --member)')
    .option('--since <age>', 'only claims received in that time: 30m, 12h, 7d')
    .option('--member <id>', "only this member's claims")
    .option('--limit <n>', 'at most this many claims', positiveInteger('--limit'), DEFAULT_LIST_LIMIT)
    .option('--json', 'print the claims as JSON');
}

async function listClaims(options: ListOptions & { readonly table?: string }): Promise<ClaimRecord[]> {
  const query = {
    status: options.status !== undefined ? parseStatus(options.status) : options.member === undefined ? ('REVIEW' as const) : undefined,
    memberId: options.member?.toUpperCase(),
    since: options.since === undefined ? undefined : parseSince(options.since, new Date()),
    limit: options.limit,
  };
  if (options.table !== undefined) return queryClaims(operatorDynamoClient(options.region), options.table, query);
  return withTarget(options, (target) => queryClaims(target.dynamo, target.claimsTable, query));
}

const claimOf = (target: Target, reference: string): Promise<ClaimRecord> => findClaim(new DynamoClaimRepository(target.dynamo, target.claimsTable), reference);

export function addClaimsCommands(program: Command): void {
  const claims = program.command('claims').description('Find claims, read what was recorded of them, and decide those held for a person.');

  describe(listOptions(claims.command('list')), 'Claims oldest first, with why each is where it is: by default, the review queue.', [
    'claims list --local',
    'claims list --status NEEDS_INFO --since 7d',
    'claims list --member 12345678 --json --stack ClaimsIntake --region eu-west-1',
  ]).action(async (options: ListOptions) => {
    const found = await listClaims(options);
    if (options.json) return void console.log(JSON.stringify(found, null, 2));
    console.log(found.length > 0 ? claimsTable(found).join('\n') : 'No claim found.');
  });

  describe(
    withTargetOptions(claims.command('show')),
    'Everything recorded of one claim.',
    ['claims show CLM-2026-NNSXX6 --local'],
    'Its status history, reasons, evidence of where treatment happened, documents with their S3 keys, every message it sent with its state, and their delivery events.',
  )
    .argument('<reference>', 'the claim reference, e.g. CLM-2026-NNSXX6')
    .option('--json', 'print the claim record as JSON')
    .action(async (reference: string, options: TargetOptions & { json?: boolean }) => {
      const found = await withTarget(options, (target) => claimOf(target, reference));
      console.log(options.json ? JSON.stringify(found, null, 2) : claimDetails(found).join('\n'));
    });

  describe(withTargetOptions(claims.command('documents')), "Downloads a claim's documents, as received, into a directory, under names made safe.", [
    'claims documents CLM-2026-NNSXX6 --out ./CLM-2026-NNSXX6 --local',
  ])
    .argument('<reference>', 'the claim reference')
    .requiredOption('--out <dir>', 'directory to write them to (created if missing; existing files are never overwritten)')
    .action(async (reference: string, options: TargetOptions & { out: string }) => {
      const saved = await withTarget(options, async (target) => {
        return saveClaimDocuments(target.s3, target.bucket, await claimOf(target, reference), options.out);
      });
      console.log(saved.length > 0 ? saved.map((document) => `${document.file}  ${document.size} bytes  from ${document.s3Key}`).join('\n') : 'The claim has no document.');
    });

  addDecisionCommands(claims);

  const review = program.command('review').description('The review queue (same as claims list).');
  describe(listOptions(review.command('list')), 'The claims waiting for a person, oldest first, one line each (claims list shows them as a table).', [
    'review list --local',
    'review list --table ClaimsIntake-ClaimsTable --region eu-west-1',
  ])
    .option('--table <name>', "the claims table by name, reached with the shell's AWS settings (instead of --stack)")
    .action(async (options: ListOptions & { table?: string }) => {
    const found = await listClaims(options);
    if (options.json) return void console.log(JSON.stringify(found, null, 2));
    console.log(found.length > 0 ? found.map(reviewLine).join('\n') : 'No claim in that status.');
  });
}
