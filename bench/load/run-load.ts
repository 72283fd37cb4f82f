import type { SQSEvent } from 'aws-lambda';
import { createTransport } from 'nodemailer';
import { localIntakeEnvironment, LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import type { LambdaTimeLeft } from '../../bin/local/lambda-context.ts';
import { startLocalAws } from '../../bin/local/local-aws.ts';
import { startSesReceiving, type SesReceiving } from '../../bin/local/ses-receiving.ts';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import { DEFAULT_OCR_TIME_LIMIT_SECONDS, parseIntakeConfig } from '../../functions/shared/config.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import { intakeTiming } from '../../lib/intake-timing.ts';
import { SAMPLE_MEMBERS } from '../../test/support/contexts.ts';
import type { AwsCall } from '../../test/support/fault-injection.ts';
import { KeyedCompletions } from '../lib/keyed-completions.ts';
import { percentile, round } from '../lib/stats.ts';
import { FaultedIntake, faultPlanFor, type DeliveryEventsHandler } from './faulted-intake.ts';
import { planLoad } from './load-mix.ts';
import { buildLoadMessages, HOSTILE_CORPUS_SIZE, type LoadMessage } from './load-messages.ts';
import { claimsByMessage, tally, type AcceptedMessage, type LoadFigures } from './tally.ts';

export interface LoadOptions {
  readonly claims: number;
  /** Messages in flight at once: each sender waits for its message to be recorded before the next. */
  readonly concurrency: number;
  readonly onProgress?: (message: string) => void;
}

export interface LoadResult extends LoadFigures {
  readonly claimsPerSec: number;
  /** From SMTP acceptance to the message recorded, retries included. */
  readonly p95Ms: number;
}

export interface LoadReport {
  readonly result: LoadResult;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Messages the local queue delivered more than once before they were recorded. */
  readonly redelivered: number;
  readonly problems: readonly string[];
}

const CLAIMS_ADDRESS = `claims@${LOCAL_CLAIMS_DOMAIN}`;
const FUNCTION_TIMEOUT_MS = intakeTiming(DEFAULT_OCR_TIME_LIMIT_SECONDS).timeoutSeconds * 1000;
/** Replies each sample member may get in a day: every claim of the load may reply to the same few members. */
const REPLIES_PER_CLAIM = 2;
const PROGRESS_EVERY = 100;

/** How a message is delivered: by the intake's own handler, or in an environment of its own with a fault. */
type Delivery = { readonly message: LoadMessage } | { readonly probe: true };

/**
 * Sends the load's messages over SMTP into the local stack (the emulators, SES receiving with the
 * queue's redeliveries and dead-letter list, the intake's handler), then checks what it left.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const progress = options.onProgress ?? (() => undefined);
  const plans = planLoad(options.claims, HOSTILE_CORPUS_SIZE);
  const { messages, probe } = await buildLoadMessages(plans);
  progress(`${messages.length} messages built`);

  const aws = await startLocalAws();
  let receiving: SesReceiving | undefined;
  const environments: FaultedIntake[] = [];
  try {
    Object.assign(process.env, localIntakeEnvironment(aws), { REPLY_LIMIT_PER_DAY: String(options.claims * REPLIES_PER_CLAIM) });
    const config = parseIntakeConfig(process.env);
    const clients = createAwsClients(config);
    const directory = new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE);
    for (const member of SAMPLE_MEMBERS) await directory.save(member);
    const { handler } = await import('../../functions/intake/handler.ts');
    const { handler: recordDeliveryEvents } = (await import('../../functions/delivery-events/handler.ts')) as { handler: DeliveryEventsHandler };

    const deliveries = new KeyedCompletions<Delivery>();
    const completions = new KeyedCompletions<number>();
    const acceptedAt = new Map<string, number>();
    const faulted = new Map<string, FaultedIntake>();
    const redelivered = new Set<string>();
    let probedCalls: readonly AwsCall[] = [];
    const environmentFor = (sesMessageId: string, delivery: Delivery): FaultedIntake | undefined => {
      const fault = 'probe' in delivery ? undefined : delivery.message.plan.kind === 'faulted' ? delivery.message.plan.fault : null;
      if (fault === null) return undefined;
      let environment = faulted.get(sesMessageId);
      if (!environment) {
        environment = new FaultedIntake(config, fault && faultPlanFor(fault, probedCalls), recordDeliveryEvents, FUNCTION_TIMEOUT_MS);
        faulted.set(sesMessageId, environment);
        environments.push(environment);
      }
      return environment;
    };

    receiving = await startSesReceiving({
      port: 0,
      domain: LOCAL_CLAIMS_DOMAIN,
      s3: clients.s3,
      bucket: config.CLAIMS_BUCKET,
      functionTimeoutMs: FUNCTION_TIMEOUT_MS,
      deliver: async (event: SQSEvent, context: LambdaTimeLeft) => {
        const { sesMessageId } = parseQueuedSesNotification(event.Records[0]?.body ?? '');
        if (!acceptedAt.has(sesMessageId)) acceptedAt.set(sesMessageId, performance.now());
        const environment = environmentFor(sesMessageId, await deliveries.wait(sesMessageId));
        return environment ? environment.deliver(event, context) : handler(event, context);
      },
      onProcessed: (result) => {
        if (result.attempts > 1) redelivered.add(result.sesMessageId);
        completions.settle(result.sesMessageId, performance.now());
      },
    });
    const transport = createTransport({ host: '127.0.0.1', port: receiving.port, secure: false, ignoreTLS: true, pool: true, maxConnections: options.concurrency, maxMessages: Infinity });
    const send = async (from: string, raw: Buffer, delivery: Delivery): Promise<string> => {
      const info = await transport.sendMail({ envelope: { from, to: CLAIMS_ADDRESS }, raw });
      const sesMessageId = /Ok ([0-9a-f]+)/.exec(String(info.response))?.[1];
      if (!sesMessageId) throw new Error(`SES receiving did not take a message: ${String(info.response)}`);
      deliveries.settle(sesMessageId, delivery);
      await completions.wait(sesMessageId);
      return sesMessageId;
    };

    // The faults are placed on the calls a clean claim of the faulted messages' member makes.
    const probeId = await send(probe.from, probe.raw, { probe: true });
    probedCalls = [...(faulted.get(probeId)?.injector.calls ?? [])];
    await aws.outbox.clear();
    progress(`probe claim made ${probedCalls.length} AWS calls`);

    const sesMessageIds = new Map<number, Promise<string>>();
    const latencies: number[] = [];
    let recorded = 0;
    const queue = [...messages];
    const sender = async () => {
      for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
        if (message.after !== undefined) await sesMessageIds.get(message.after);
        const sent = send(message.from, message.raw, { message });
        sesMessageIds.set(message.plan.index, sent);
        const sesMessageId = await sent;
        latencies.push(await completions.wait(sesMessageId) - (acceptedAt.get(sesMessageId) ?? 0));
        recorded += 1;
        if (recorded % PROGRESS_EVERY === 0) progress(`${recorded} messages recorded`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    const elapsedMs = performance.now() - started;
    transport.close();
    await receiving.idle();

    const accepted: AcceptedMessage[] = await Promise.all(
      messages.map(async ({ plan }) => ({
        sesMessageId: await (sesMessageIds.get(plan.index) as Promise<string>),
        kind: plan.kind,
        ...(plan.kind === 'duplicate' ? { expectedStatus: 'DUPLICATE' as const } : {}),
      })),
    );
    const claims = await claimsByMessage(clients.dynamo, config.CLAIMS_TABLE);
    const { figures, outcomes, problems } = tally(accepted, claims, await aws.outbox.list(), receiving.deadLetters());
    return {
      result: { ...figures, claimsPerSec: round(messages.length / (elapsedMs / 1000), 2), p95Ms: round(percentile(latencies, 95)) },
      outcomes,
      redelivered: accepted.filter(({ sesMessageId }) => redelivered.has(sesMessageId)).length,
      problems,
    };
  } finally {
    for (const environment of environments) environment.destroy();
    await receiving?.close();
    await aws.stop();
  }
}
