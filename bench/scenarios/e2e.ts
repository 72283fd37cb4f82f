/**
 * End to end on the local stack (bin/local: S3, DynamoDB and SES emulators, SES receiving on
 * SMTP, the real intake handler): claims per second and latency from SMTP acceptance to the
 * acknowledgement, with a given number of claims in flight at once.
 *
 *   node --import tsx bench/scenarios/e2e.ts [--claims 200]
 */
import { parseArgs } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { createTransport } from 'nodemailer';
import { localIntakeEnvironment, LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { startSesReceiving, type SesReceiving } from '../../bin/local/ses-receiving.ts';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import type { ClaimRepository } from '../../functions/shared/domain/claim.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import { SAMPLE_MEMBERS } from '../../test/support/contexts.ts';
import { KeyedCompletions } from '../lib/keyed-completions.ts';
import { progress, reportResult } from '../lib/scenario-output.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { distinctSampleClaims, type SampleClaim } from '../messages/e2e-claims.ts';
import type { EndToEndResult } from '../results.ts';

const CONCURRENCY_LEVELS = [1, 4, 16] as const;
const CLAIMS_ADDRESS = `claims@${LOCAL_CLAIMS_DOMAIN}`;

const { values: options } = parseArgs({ options: { claims: { type: 'string', default: '200' } } });
const claimsPerRound = Number(options.claims);

interface Completion {
  readonly at: number;
  readonly failed: boolean;
}

/** When SES receiving accepted each message (it delivers it to the handler at once), by SES message id. */
const acceptedAt = new Map<string, number>();
const completions = new KeyedCompletions<Completion>();

/** Sends the claims with `concurrency` of them in flight: each sender waits for its claim's acknowledgement. */
async function runRound(
  aws: LocalAws,
  receiving: SesReceiving,
  concurrency: number,
  claims: readonly SampleClaim[],
  memberAddresses: ReadonlySet<string>,
  repository: ClaimRepository,
): Promise<EndToEndResult> {
  await aws.outbox.clear();
  const transport = createTransport({ host: '127.0.0.1', port: receiving.port, secure: false, ignoreTLS: true, pool: true, maxConnections: concurrency, maxMessages: Infinity });
  const latencies: number[] = [];
  const sesMessageIds: string[] = [];
  const queue = [...claims];
  const sender = async () => {
    for (let claim = queue.shift(); claim !== undefined; claim = queue.shift()) {
      const info = await transport.sendMail({ envelope: { from: claim.from, to: CLAIMS_ADDRESS }, raw: claim.raw });
      const sesMessageId = /Ok ([0-9a-f]+)/.exec(String(info.response))?.[1] ?? '';
      sesMessageIds.push(sesMessageId);
      const completion = await completions.wait(sesMessageId);
      const accepted = acceptedAt.get(sesMessageId);
      if (completion.failed || accepted === undefined) throw new Error('A benchmark claim failed in the intake');
      latencies.push(completion.at - accepted);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  const elapsedMs = performance.now() - started;
  transport.close();

  const acknowledgements = (await aws.outbox.list()).filter((email) => email.destination.to.some((to) => memberAddresses.has(to.toLowerCase())));
  if (acknowledgements.length !== claims.length) {
    throw new Error(`${acknowledgements.length} acknowledgements in the SES outbox for ${claims.length} claims: ${await whatBecameOf(sesMessageIds, repository)}`);
  }
  return {
    concurrency,
    claims: claims.length,
    claimsPerSec: round(claims.length / (elapsedMs / 1000), 2),
    p50Ms: round(median(latencies)),
    p95Ms: round(percentile(latencies, 95)),
  };
}

/** The round's claims as recorded, for a round that did not end as it must: how many ended how, and the reasons of those not acknowledged. */
async function whatBecameOf(sesMessageIds: readonly string[], repository: ClaimRepository): Promise<string> {
  const outcomes = new Map<string, number>();
  for (const sesMessageId of sesMessageIds) {
    const claim = await repository.findByMessageId(sesMessageId);
    const outcome = claim === undefined ? 'not recorded' : `${claim.status}${claim.acknowledgement ? '' : ` without acknowledgement (${claim.reasons.join('; ')})`}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  return [...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}

const aws = await startLocalAws();
let receiving: SesReceiving | undefined;
try {
  // Four members send every round's claims, each of which must be acknowledged: the daily reply limit must not bite.
  Object.assign(process.env, localIntakeEnvironment(aws), { REPLY_LIMIT_PER_DAY: String(claimsPerRound * CONCURRENCY_LEVELS.length) });
  const config = parseIntakeConfig(process.env);
  const clients = createAwsClients(config);
  const directory = new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE);
  const repository = new DynamoClaimRepository(clients.dynamo, config.CLAIMS_TABLE);
  for (const member of SAMPLE_MEMBERS) await directory.save(member);

  const { handler } = await import('../../functions/intake/handler.ts');
  receiving = await startSesReceiving({
    port: 0,
    domain: LOCAL_CLAIMS_DOMAIN,
    s3: clients.s3,
    bucket: config.CLAIMS_BUCKET,
    deliver: (event: SQSEvent, context) => {
      for (const record of event.Records) {
        const { sesMessageId } = parseQueuedSesNotification(record.body);
        if (!acceptedAt.has(sesMessageId)) acceptedAt.set(sesMessageId, performance.now());
      }
      return handler(event, context);
    },
    onProcessed: (result) => completions.settle(result.sesMessageId, { at: performance.now(), failed: result.failed }),
  });

  const memberAddresses = new Set(SAMPLE_MEMBERS.map((member) => member.email.toLowerCase()));
  const results: EndToEndResult[] = [];
  for (const [level, concurrency] of CONCURRENCY_LEVELS.entries()) {
    const claims = await distinctSampleClaims(level * claimsPerRound, claimsPerRound);
    const result = await runRound(aws, receiving, concurrency, claims, memberAddresses, repository);
    progress(`concurrency ${concurrency}: ${result.claimsPerSec} claims/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
    results.push(result);
  }
  reportResult('e2e', results);
} finally {
  await receiving?.close();
  await aws.stop();
}
