import { localIntakeEnvironment, LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import { INTAKE_TIMEOUT_MS } from '../../bin/local/lambda-context.ts';
import { startLocalAws } from '../../bin/local/local-aws.ts';
import { startSesReceiving, type SesReceiving } from '../../bin/local/ses-receiving.ts';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import { SAMPLE_MEMBERS } from '../../test/support/contexts.ts';
import { percentile, round } from '../lib/stats.ts';
import type { DeliveryEventsHandler } from './faulted-intake.ts';
import { LoadIntake } from './load-intake.ts';
import { planLoad } from './load-mix.ts';
import { buildLoadMessages, HOSTILE_CORPUS_SIZE } from './load-messages.ts';
import { LoadSender } from './send-load.ts';
import { claimsByMessage, tally, type AcceptedMessage, type LoadFigures } from './tally.ts';

export interface LoadOptions {
  readonly claims: number;
  /** Messages in flight at once: each sender waits for its message to be processed before the next. */
  readonly concurrency: number;
  readonly onProgress?: (message: string) => void;
}

export interface LoadResult extends LoadFigures {
  readonly claimsPerSec: number;
  /** From a message's first delivery to the intake to its last (recorded, or dead-lettered), retries included. */
  readonly p95Ms: number;
}

export interface LoadReport {
  readonly result: LoadResult;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Messages the local queue delivered more than once before they were recorded. */
  readonly redelivered: number;
  readonly problems: readonly string[];
}

/** Replies each sample member may get in a day: every claim of the load may reply to the same few members. */
const REPLIES_PER_CLAIM = 2;

/**
 * Sends the load's messages over SMTP into the local stack (the emulators, SES receiving with the
 * queue's redeliveries and dead-letter list, the intake's handler), then checks what it left.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const progress = options.onProgress ?? (() => undefined);
  const { messages, probe } = await buildLoadMessages(planLoad(options.claims, HOSTILE_CORPUS_SIZE));
  progress(`${messages.length} messages built`);

  const aws = await startLocalAws();
  let intake: LoadIntake | undefined;
  let receiving: SesReceiving | undefined;
  let sender: LoadSender | undefined;
  try {
    Object.assign(process.env, localIntakeEnvironment(aws), { REPLY_LIMIT_PER_DAY: String(options.claims * REPLIES_PER_CLAIM) });
    const config = parseIntakeConfig(process.env);
    const clients = createAwsClients(config);
    const directory = new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE);
    for (const member of SAMPLE_MEMBERS) await directory.save(member);
    // Imported once the environment is set: the functions read it at load, as on Lambda.
    const { handler } = await import('../../functions/intake/handler.ts');
    const { handler: recordDeliveryEvents } = (await import('../../functions/delivery-events/handler.ts')) as { handler: DeliveryEventsHandler };

    intake = new LoadIntake({ config, handler, recordDeliveryEvents, functionTimeoutMs: INTAKE_TIMEOUT_MS });
    receiving = await startSesReceiving({
      port: 0,
      domain: LOCAL_CLAIMS_DOMAIN,
      s3: clients.s3,
      bucket: config.CLAIMS_BUCKET,
      functionTimeoutMs: INTAKE_TIMEOUT_MS,
      deliver: intake.deliver,
      onProcessed: intake.processed,
    });
    sender = new LoadSender(receiving.port, intake, options.concurrency);

    const probedCalls = intake.placeFaultsOn(await sender.send(probe.from, probe.raw, { probe: true }));
    await aws.outbox.clear();
    progress(`the probe claim made ${probedCalls.length} AWS calls`);

    const sent = await sender.sendAll(messages, progress);
    await receiving.idle();

    const accepted: AcceptedMessage[] = messages.map(({ plan }) => ({
      sesMessageId: sent.sesMessageIds.get(plan.index) ?? '',
      kind: plan.kind,
      ...(plan.kind === 'duplicate' ? { expectedStatus: 'DUPLICATE' as const } : {}),
    }));
    const claims = await claimsByMessage(clients.dynamo, config.CLAIMS_TABLE);
    const { figures, outcomes, problems } = tally(accepted, claims, await aws.outbox.list(), receiving.deadLetters());
    return {
      result: { ...figures, claimsPerSec: round(messages.length / (sent.elapsedMs / 1000), 2), p95Ms: round(percentile(sent.processingTimes, 95)) },
      outcomes,
      redelivered: accepted.filter(({ sesMessageId }) => intake?.wasRedelivered(sesMessageId)).length,
      problems,
    };
  } finally {
    sender?.close();
    intake?.destroy();
    await receiving?.close();
    await aws.stop();
  }
}
