import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_TIMEOUT_MS, invocationContext } from '../../bin/local/lambda-context.ts';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import { CLAIM_DEADLINE_RESERVE_MS, CLAIM_START_MARGIN_MS } from '../../functions/shared/claim-timing.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import { createIntakeDependencies, processReceivedMessage } from '../../functions/shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../../functions/shared/queue-batch.ts';
import { FaultInjector, sesSendEvent, TRANSIENT_FAULTS, type AwsCall, type FaultPlan } from '../support/fault-injection.ts';
import { fixture } from '../support/intake-harness.ts';
import { snsBody } from '../support/ses-events.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';
import { VISIBILITY_TIMEOUT_FACTOR } from '../../lib/intake-timing.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/redrive.ts';

/** The deployed intake queue's visibility timeout: SQS redelivers a failed message this long after. */
const VISIBILITY_TIMEOUT_MS = VISIBILITY_TIMEOUT_FACTOR * INTAKE_TIMEOUT_MS;
const MAI = 'contact@medical-administrators.com';
const BILL = 'bill.smith@example.org';

const harness = useIntakeHarness();

interface Delivered {
  readonly sesMessageId: string;
  readonly objectKey: string;
  readonly receives: number;
  /** The error names each failed delivery logged: the dead-letter queue's reason. */
  readonly errors: readonly string[];
  readonly deadLettered: boolean;
  readonly injector: FaultInjector;
}

let scenario = 0;

/** Bill Smith's claim for his Phnom Penh invoice, made a document no other claim carried. */
async function billsClaim(): Promise<Buffer> {
  scenario += 1;
  const invoice = await fixture('invoices/invoice-phnom-penh.pdf');
  return new MailComposer({
    from: BILL,
    to: 'claims@claims.example.org',
    subject: 'Claim, member number 52093817',
    text: 'Please find the invoice attached.',
    attachments: [{ filename: 'invoice.pdf', content: Buffer.concat([invoice, Buffer.from(`\n% scenario ${scenario}\n`)]) }],
  })
    .compile()
    .build();
}

/** Each delivery is a fresh invocation with the deployed intake's whole timeout ahead of it. */
const INVOCATION_TIMING = { remainingTimeMs: INTAKE_TIMEOUT_MS, reserveMs: CLAIM_DEADLINE_RESERVE_MS, startMarginMs: CLAIM_START_MARGIN_MS };

/**
 * Delivers one message as SQS does, to a fresh execution environment of the intake (its own SDK
 * clients, with the fault injector, and its own key cache) running the handler's batch loop:
 * again while it fails, a visibility timeout later each time, up to the queue's
 * maxReceiveCount. Between deliveries SES's Send events of what it took reach the
 * delivery-events function, as they do within seconds on AWS (unless `withoutSesEvents`). The
 * fault lasts the first delivery, or every one when `persistent`.
 */
async function deliver(
  plan: FaultPlan | undefined,
  options: { readonly persistent?: boolean; readonly raw?: Buffer; readonly withoutSesEvents?: boolean } = {},
): Promise<Delivered> {
  const injector = new FaultInjector();
  const clock = { offsetMs: 0 };
  const config = parseIntakeConfig(process.env);
  const dependencies = {
    ...createIntakeDependencies(config, injector.attach(createAwsClients(config))),
    // Bill gets a reply in every scenario: the limit is not what is tested here.
    replyLimitPerDay: 10_000,
    now: () => new Date(Date.now() + clock.offsetMs),
  };
  const errors: string[] = [];
  const logger = { error: (_message: string, { error }: { error: { name: string } }) => errors.push(error.name) } as unknown as Logger;
  const handler = (event: SQSEvent): Promise<SQSBatchResponse> =>
    handleQueueBatch(event, logger, INVOCATION_TIMING, async (body, deadline) => {
      await processReceivedMessage(parseQueuedSesNotification(body), dependencies, deadline);
    });
  const { handler: recordDeliveryEvents } = await import('../../functions/delivery-events/handler.ts');

  const { event, sesMessageId } = await harness().receive(options.raw ?? (await billsClaim()));
  if (plan) injector.arm(plan);
  let receives = 0;
  let failed = true;
  let published = 0;
  while (failed && receives < MAX_RECEIVE_COUNT) {
    receives += 1;
    failed = (await handler(event)).batchItemFailures.length > 0;
    if (!options.persistent) injector.disarm();
    const events = injector.accepted.slice(published).map((send, index) => harness().queueRecord(`ses-event-${published + index}`, snsBody(sesSendEvent(send, new Date()))));
    published = injector.accepted.length;
    if (events.length > 0 && !options.withoutSesEvents) expect(await recordDeliveryEvents({ Records: events }, invocationContext(INTAKE_TIMEOUT_MS))).toEqual({ batchItemFailures: [] });
    clock.offsetMs += VISIBILITY_TIMEOUT_MS;
  }
  return { sesMessageId, objectKey: `incoming/${sesMessageId}`, receives, errors, deadLettered: failed, injector };
}

/** Every claim item recorded for the message: exactly one, whatever happened. */
async function claimsOf(sesMessageId: string): Promise<ClaimRecord[]> {
  const claims: ClaimRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await harness().clients.dynamo.send(
      new ScanCommand({
        TableName: harness().aws.resources.claimsTable,
        FilterExpression: 'sk = :claim AND sesMessageId = :id',
        ExpressionAttributeValues: { ':claim': 'CLAIM', ':id': sesMessageId },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const { pk: _pk, sk: _sk, ...claim } of page.Items ?? []) claims.push(claim as ClaimRecord);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return claims;
}

const mailOf = (outbox: readonly OutboxEmail[], reference: string, to: string) =>
  outbox.filter((email) => email.subject.includes(reference) && email.destination.to.some((address) => address.toLowerCase() === to));

/** One claim, forwarded once and acknowledged once, the ledger's message ids being the ones SES gave. */
async function expectForwardedOnce(delivered: Delivered): Promise<ClaimRecord> {
  expect(delivered.deadLettered).toBe(false);
  const recorded = await claimsOf(delivered.sesMessageId);
  expect(recorded).toHaveLength(1);
  const claim = recorded[0] as ClaimRecord;
  expect(claim).toMatchObject({ status: 'FORWARDED', outcome: 'FORWARDED', route: 'MAI', memberId: '52093817' });
  const outbox = await harness().aws.outbox.list();
  const forwards = mailOf(outbox, claim.reference, MAI);
  const acknowledgements = mailOf(outbox, claim.reference, BILL);
  expect(forwards.map(({ messageId }) => messageId)).toEqual([claim.forward?.messageId]);
  expect(acknowledgements.map(({ messageId }) => messageId)).toEqual([claim.acknowledgement?.messageId]);
  expect(outbox).toHaveLength(2);
  return claim;
}

let cleanRun: readonly AwsCall[] = [];

beforeAll(async () => {
  const delivered = await deliver(undefined);
  await expectForwardedOnce(delivered);
  cleanRun = [...delivered.injector.calls];
  await harness().aws.outbox.clear();
}, 60_000);

const callIndexes = () => cleanRun.map((call, index) => ({ at: index + 1, ...call }));

describe('faults at every AWS call of a claim, against the emulators', () => {
  it('makes the calls a forwarded claim needs, each service among them', () => {
    expect(new Set(cleanRun.map(({ service }) => service))).toEqual(new Set(['s3', 'dynamo', 'ses', 'secrets']));
    expect(cleanRun.filter(({ command }) => command === 'SendEmailCommand')).toHaveLength(2);
  });

  it('absorbs one throttled call at any step within the SDK\'s retries: one delivery, one forward, one acknowledgement', async () => {
    for (const { at, service, command } of callIndexes()) {
      await harness().aws.outbox.clear();
      const delivered = await deliver({ at, kind: 'throttle', span: 'call' });
      expect({ at, service, command, receives: delivered.receives }).toEqual({ at, service, command, receives: 1 });
      await expectForwardedOnce(delivered);
    }
  }, 120_000);

  for (const kind of TRANSIENT_FAULTS) {
    it(`gets past ${kind} from any call onwards within the queue's retries, never sending twice`, async () => {
      const outcomes: string[] = [];
      for (const { at, service, command } of callIndexes()) {
        await harness().aws.outbox.clear();
        const delivered = await deliver({ at, kind, span: 'onward' });
        outcomes.push(`${at} ${service} ${command}: ${delivered.receives} deliveries`);
        expect(delivered.receives, `${at} ${service} ${command}`).toBeGreaterThan(1);
        const claim = await expectForwardedOnce(delivered);
        // A second attempt is only ever a recorded one.
        for (const entry of [claim.sends?.forward, claim.sends?.reply]) {
          expect(entry?.state).toBe('sent');
          if (entry && entry.attempt > 1 && entry.reason) expect(claim.reasons).toContain(entry.reason);
        }
      }
      expect(outcomes).toHaveLength(cleanRun.length);
    }, 180_000);
  }

  it('sends again, recorded as a resend, a forward whose answer was lost and of which SES never told: the one case of two copies', async () => {
    const forward = cleanRun.findIndex(({ command }) => command === 'SendEmailCommand') + 1;
    const delivered = await deliver({ at: forward, kind: 'timeout-after', span: 'call' }, { withoutSesEvents: true });

    expect(delivered.receives).toBe(2);
    expect(delivered.errors).toEqual(['TimeoutError']);
    const [claim] = await claimsOf(delivered.sesMessageId);
    const reason = 'forward resent as attempt 2: attempt 1 had no result after 16 minutes';
    expect(claim).toMatchObject({ status: 'FORWARDED', sends: { forward: { state: 'sent', attempt: 2, reason } } });
    expect(claim?.reasons).toContain(reason);
    const outbox = await harness().aws.outbox.list();
    const forwards = mailOf(outbox, claim?.reference ?? '', MAI);
    expect(forwards).toHaveLength(2);
    expect(forwards.at(-1)?.messageId).toBe(claim?.forward?.messageId);
    expect(delivered.injector.accepted.map(({ tags }) => [tags.ledger, tags.attempt])).toEqual([
      ['forward', '1'],
      ['forward', '2'],
      ['reply', '1'],
    ]);
  }, 60_000);

  it('leaves a message that fails every delivery to the dead-letter queue with its reason, its raw message kept, nothing sent', async () => {
    const delivered = await deliver({ at: 1, kind: 'unavailable', span: 'onward' }, { persistent: true });

    expect(delivered).toMatchObject({ deadLettered: true, receives: MAX_RECEIVE_COUNT });
    expect(delivered.errors).toEqual(Array(MAX_RECEIVE_COUNT).fill('ServiceUnavailable'));
    const raw = await harness().clients.s3.send(new HeadObjectCommand({ Bucket: harness().aws.resources.bucket, Key: delivered.objectKey }));
    expect(raw.ContentLength).toBeGreaterThan(0);
    expect(await claimsOf(delivered.sesMessageId)).toEqual([]);
    expect(await harness().aws.outbox.list()).toEqual([]);
  }, 60_000);

  it('holds for review, at once, a claim whose forward SES refuses, and tells the member a person will look at it', async () => {
    const forward = cleanRun.findIndex(({ command }) => command === 'SendEmailCommand') + 1;
    const delivered = await deliver({ at: forward, kind: 'refuse', span: 'call' });

    expect(delivered.receives).toBe(1);
    const [claim] = await claimsOf(delivered.sesMessageId);
    const reason = 'the forward was not sent: SES refused the message (MessageRejected)';
    expect(claim).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', sends: { forward: { state: 'failed', attempt: 1, reason } } });
    expect(claim?.reasons.at(-1)).toBe(reason);
    expect(claim?.forward).toBeUndefined();
    const outbox = await harness().aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([[BILL]]);
    expect(claim?.acknowledgement?.messageId).toBe(outbox[0]?.messageId);
  }, 30_000);

  it('holds for review, without retrying, a message whose raw message is gone from the bucket', async () => {
    const raw = await billsClaim();
    const injector = new FaultInjector();
    const config = parseIntakeConfig(process.env);
    const dependencies = createIntakeDependencies(config, injector.attach(createAwsClients(config)));
    const { event, sesMessageId } = await harness().receive(raw);
    await harness().clients.s3.send(new DeleteObjectCommand({ Bucket: harness().aws.resources.bucket, Key: `incoming/${sesMessageId}` }));

    const claim = await processReceivedMessage(parseQueuedSesNotification(event.Records[0]?.body ?? ''), dependencies, Deadline.in(INTAKE_TIMEOUT_MS));

    expect(claim).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', sesMessageId, channel: 'email', reasons: ['the raw message is not in the bucket (NoSuchKey)'] });
    expect(claim.statusHistory.map(({ status }) => status)).toEqual(['RECEIVED', 'REVIEW']);
    expect(await claimsOf(sesMessageId)).toEqual([claim]);
    expect(injector.calls.filter(({ command }) => command === 'GetObjectCommand')).toHaveLength(1);
    expect(await harness().aws.outbox.list()).toEqual([]);
  }, 30_000);
});

describe('concurrent deliveries of one message', () => {
  it('make one claim, one forward and one acknowledgement, the intake handler taking the same SQS record twice at once', async () => {
    // Marie's claim: Bill had more than the day's replies above, from the intake with its limit raised.
    const { event, sesMessageId } = await harness().receive(await fixture('claims/fr-paris-invoice.eml'));
    const responses = await Promise.all([harness().handler(event), harness().handler(event)]);
    let failed = responses.some(({ batchItemFailures }) => batchItemFailures.length > 0);
    for (let receive = 0; failed && receive < MAX_RECEIVE_COUNT; receive += 1) {
      failed = (await harness().handler(event)).batchItemFailures.length > 0;
    }

    expect(failed).toBe(false);
    const recorded = await claimsOf(sesMessageId);
    expect(recorded).toHaveLength(1);
    const claim = recorded[0] as ClaimRecord;
    expect(claim.status).toBe('FORWARDED');
    const outbox = await harness().aws.outbox.list();
    expect(mailOf(outbox, claim.reference, MAI).map(({ messageId }) => messageId)).toEqual([claim.forward?.messageId]);
    expect(mailOf(outbox, claim.reference, 'marie.dupont@example.fr').map(({ messageId }) => messageId)).toEqual([claim.acknowledgement?.messageId]);
    expect(outbox).toHaveLength(2);
  }, 60_000);
});
