import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import type { LambdaTimeLeft } from '../../bin/local/lambda-context.ts';
import type { DeliveryResult, SesReceiving } from '../../bin/local/ses-receiving.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/redrive.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { smtpTo, startReceivingInto } from '../support/local-receiving.ts';

let harness: IntakeHarness;
let receiving: SesReceiving;
const processed: DeliveryResult[] = [];

beforeAll(async () => {
  harness = await startIntakeHarness();
  receiving = await startReceivingInto(harness, { deliver: harness.handler, onProcessed: (result) => void processed.push(result) });
}, 120_000);

afterAll(async () => {
  await receiving?.close();
  await harness?.stop();
});

describe('local SES receiving over SMTP', () => {
  it('stores the message, runs the intake and leaves the forward and the acknowledgement in the outbox', async () => {
    const raw = await fixture('claims/en-boston-bill.eml');
    const info = await smtpTo(receiving).sendMail({ envelope: { from: 'john.carter@example.com', to: `claims@${LOCAL_CLAIMS_DOMAIN}` }, raw });
    await receiving.idle();

    expect(info.response).toMatch(/^250 Ok [0-9a-f]{32}$/);
    expect(processed).toHaveLength(1);
    expect(processed[0]).toMatchObject({ recipients: [`claims@${LOCAL_CLAIMS_DOMAIN}`], attempts: 1, failed: false });
    const claim = await harness.claims.findByMessageId(processed[0]!.sesMessageId);
    expect(claim).toMatchObject({ status: 'FORWARDED', route: 'CIGNA_US', rawMessage: { key: `incoming/${processed[0]!.sesMessageId}` } });
    const outbox = await harness.aws.outbox.list();
    expect(outbox.map((email) => email.destination.to[0]?.toLowerCase())).toEqual(['ice.team@cigna.com', 'john.carter@example.com']);
  });

  it("prepends SES's Authentication-Results, so a sender whose domain has no DMARC policy is trusted on an aligned MAIL FROM only", async () => {
    processed.length = 0;
    await harness.aws.outbox.clear();
    const question = (forged: string) =>
      [
        ...(forged ? [forged] : []),
        'X-SES-DMARC-Verdict: GRAY',
        'From: John Carter <john.carter@example.com>',
        `To: claims@${LOCAL_CLAIMS_DOMAIN}`,
        'Subject: How do I claim?',
        '',
        'Hello, what do I send?',
        '',
      ].join('\r\n');
    await smtpTo(receiving).sendMail({ envelope: { from: 'bounce@mail.example.com', to: `claims@${LOCAL_CLAIMS_DOMAIN}` }, raw: question('') });
    await receiving.idle();
    const forgedBelow = 'Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=bounce@example.com; dmarc=pass';
    await smtpTo(receiving).sendMail({ envelope: { from: 'bounce@attacker.example', to: `claims@${LOCAL_CLAIMS_DOMAIN}` }, raw: question(forgedBelow) });
    await receiving.idle();

    const [aligned, forged] = await Promise.all(processed.map((result) => harness.claims.findByMessageId(result.sesMessageId)));
    expect(aligned).toMatchObject({ status: 'NEEDS_INFO', memberId: '20481632', reasons: ['identified by the registered sender address', 'no document attached'] });
    expect({ status: forged?.status, memberId: forged?.memberId, reasons: forged?.reasons }).toEqual({
      status: 'REVIEW',
      memberId: undefined,
      reasons: ["no member number, and the sender is not authenticated: the sender's domain publishes no DMARC policy, and no SPF or DKIM pass is aligned with it"],
    });
    const outbox = await harness.aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([['john.carter@example.com']]);
  });

  it('refuses recipients outside the claims domain, as SES does', async () => {
    await expect(
      smtpTo(receiving).sendMail({ envelope: { from: 'a@example.com', to: 'someone@elsewhere.example' }, raw: 'Subject: x\r\n\r\nx' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});

describe('local SES receiving: retries and dead letters as SQS would', () => {
  /** A stand-in for the intake whose first `failures` deliveries fail, noting what each delivery was given. */
  async function receivingThatFails(failures: number) {
    const deliveries: { queueMessageId: string; receiveCount: string; remainingMs: number }[] = [];
    const results: DeliveryResult[] = [];
    const local = await startReceivingInto(harness, {
      functionTimeoutMs: 60_000,
      deliver: async (event: SQSEvent, context: LambdaTimeLeft) => {
        const [record] = event.Records;
        deliveries.push({ queueMessageId: record!.messageId, receiveCount: record!.attributes.ApproximateReceiveCount, remainingMs: context.getRemainingTimeInMillis() });
        const failed = deliveries.length <= failures;
        return { batchItemFailures: failed ? [{ itemIdentifier: record!.messageId }] : [] };
      },
      onProcessed: (result) => void results.push(result),
    });
    const raw = await fixture('claims/en-boston-bill.eml');
    const transport = smtpTo(local);
    await transport.sendMail({ envelope: { from: 'john.carter@example.com', to: `claims@${LOCAL_CLAIMS_DOMAIN}` }, raw });
    transport.close();
    await local.idle();
    await local.close();
    return { local, deliveries, results, raw };
  }

  it('delivers a failing message again, the same queue message with its receive count going up, until it succeeds', async () => {
    const { local, deliveries, results } = await receivingThatFails(2);

    expect(deliveries.map((delivery) => delivery.receiveCount)).toEqual(['1', '2', '3']);
    expect(new Set(deliveries.map((delivery) => delivery.queueMessageId)).size).toBe(1);
    for (const { remainingMs } of deliveries) expect(remainingMs).toBeGreaterThan(59_000);
    expect(results).toEqual([expect.objectContaining({ attempts: 3, failed: false })]);
    expect(local.deadLetters()).toEqual([]);
  });

  it(`keeps a message that failed all ${MAX_RECEIVE_COUNT} deliveries in the dead-letter list, its raw message still stored`, async () => {
    const { local, deliveries, results, raw } = await receivingThatFails(Number.POSITIVE_INFINITY);

    expect(MAX_RECEIVE_COUNT).toBe(5);
    expect(deliveries.map((delivery) => delivery.receiveCount)).toEqual(['1', '2', '3', '4', '5']);
    const [result] = results;
    expect(results).toEqual([expect.objectContaining({ attempts: 5, failed: true, objectKey: `incoming/${result!.sesMessageId}` })]);
    expect(local.deadLetters()).toEqual([
      { sesMessageId: result!.sesMessageId, objectKey: `incoming/${result!.sesMessageId}`, attempts: 5, deadLetteredAt: expect.any(Date) },
    ]);
    const stored = await harness.clients.s3.send(new GetObjectCommand({ Bucket: harness.aws.resources.bucket, Key: result!.objectKey }));
    // Kept as SES keeps it: the message as it came, under the Authentication-Results SES prepends.
    const kept = Buffer.from(await stored.Body!.transformToByteArray());
    expect(kept.toString('latin1')).toMatch(/^Authentication-Results: amazonses\.com;/);
    expect(kept.subarray(kept.length - raw.length).equals(raw)).toBe(true);
  });
});
