import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { classifyFailure } from '../../functions/shared/adapters/classify-failure.ts';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { invoiceContentKey, type InvoiceReading } from '../../functions/shared/domain/invoices/index.ts';
import { replyCountKey } from '../../functions/shared/adapters/table-design.ts';
import { createAwsClients, type AwsClients } from '../../functions/shared/clients.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import type { DocumentFile } from '../../functions/shared/domain/types.ts';
import type { IntakeContext } from '../../functions/shared/pipeline/context.ts';
import { recordClaim, type RecordDependencies } from '../../functions/shared/pipeline/record-claim.ts';
import { required } from '../../functions/shared/pipeline/context.ts';
import { sendOnce, type Outgoing } from '../../functions/shared/pipeline/send-once.ts';
import { claimRecord, NOW } from '../support/claim-records.ts';
import { documentFile, envelope, intakeContext, sampleMember } from '../support/contexts.ts';
import { FaultInjector } from '../support/fault-injection.ts';
import { InMemoryMessageStore } from '../support/in-memory-message-store.ts';
import { mekongInvoice } from '../support/invoice-readings.ts';
import { RecordingMailer } from '../support/recording-mailer.ts';

const BILL = sampleMember('52093817');
/** More new documents than one DynamoDB transaction holds beside the claim and its message (98). */
const DOCUMENT_COUNT = 150;

let aws: LocalAws;
let injector: FaultInjector;
let clients: AwsClients;
let claims: DynamoClaimRepository;
let received: IntakeContext;

beforeAll(async () => {
  aws = await startLocalAws();
  injector = new FaultInjector();
  clients = injector.attach(createAwsClients({ AWS_ENDPOINT_URL_DYNAMODB: aws.endpoints.dynamodb }));
  claims = new DynamoClaimRepository(clients.dynamo, aws.resources.claimsTable);
  received = await intakeContext({ from: 'bill.smith@example.org', subject: 'Member ID 52093817' });
  Object.assign(process.env, aws.env);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
});

beforeEach(() => injector.disarm());

let message = 0;

/** Bill's claim for treatment in Cambodia, arrived as a message of its own, with `count` documents no claim carried. */
function claimWithDocuments(count: number): IntakeContext {
  message += 1;
  const documents: DocumentFile[] = Array.from({ length: count }, (_, index) =>
    documentFile(`receipt-${message}-${index + 1}.pdf`, '', { content: Buffer.from(`%PDF-1.7 receipt ${message}/${index + 1}`), type: 'pdf' }),
  );
  return {
    ...received,
    envelope: envelope({ sesMessageId: `ses-large-${message}` }),
    identification: { member: BILL, ambiguous: false, reasons: ['member number found in subject'] },
    documents,
    location: { country: 'KH', route: 'MAI', evidence: [], reasons: ['treatment location KH, routed to MAI'] },
    outcome: { status: 'FORWARDED', reasons: ['treatment location KH, routed to MAI'] },
  };
}

function recording(): RecordDependencies {
  return { claims, store: new InMemoryMessageStore(), rawMessage: { bucket: 'claims-bucket', key: 'incoming/large' }, now: () => NOW };
}

const hashesOf = (context: IntakeContext) => (context.documents ?? []).map((document) => document.sha256);

describe('a claim with more documents than one transaction holds', () => {
  it(`records all ${DOCUMENT_COUNT} as the member's, under its reference, in several writes`, async () => {
    const context = claimWithDocuments(DOCUMENT_COUNT);

    const claim = await recordClaim(context, recording());

    expect(claim.documents).toHaveLength(DOCUMENT_COUNT);
    const claimed = await claims.findClaimedDocuments(BILL.memberId, hashesOf(context));
    expect(claimed.size).toBe(DOCUMENT_COUNT);
    expect(new Set(claimed.values())).toEqual(new Set([claim.reference]));
    expect((await claims.get(claim.reference))?.pendingDocumentHashes).toBeUndefined();
  });

  it('finishes, at the next delivery, the writes a failure cut short after the claim was recorded', async () => {
    const context = claimWithDocuments(DOCUMENT_COUNT);
    const calls = injector.calls.length;
    // After the message lookup, the member's documents (two reads of at most 100) and the claim's transaction.
    injector.arm({ at: calls + 5, kind: 'unavailable', span: 'onward' });
    await expect(recordClaim(context, recording())).rejects.toThrow();
    injector.disarm();
    const made = injector.calls.slice(calls).map(({ command }) => command);
    expect(made.slice(0, 5)).toEqual(['GetItemCommand', 'BatchGetItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);

    const cutShort = await claims.findByMessageId(context.envelope.sesMessageId);
    expect(cutShort?.pendingDocumentHashes).toHaveLength(DOCUMENT_COUNT - 98);
    // Those in the claim's transaction, and whichever of the writes in flight beside the failed one got through.
    const recordedSoFar = (await claims.findClaimedDocuments(BILL.memberId, hashesOf(context))).size;
    expect(recordedSoFar).toBeGreaterThanOrEqual(98);
    expect(recordedSoFar).toBeLessThan(DOCUMENT_COUNT);

    const claim = await recordClaim(context, recording());

    expect(claim.reference).toBe(cutShort?.reference);
    const claimed = await claims.findClaimedDocuments(BILL.memberId, hashesOf(context));
    expect(claimed.size).toBe(DOCUMENT_COUNT);
    expect(new Set(claimed.values())).toEqual(new Set([claim.reference]));
    expect((await claims.get(claim.reference))?.pendingDocumentHashes).toBeUndefined();
  });
});

describe('invoices a member claimed, by their content, in DynamoDB', () => {
  const withInvoice = (context: IntakeContext, invoice: InvoiceReading): IntakeContext => ({ ...context, invoices: [invoice] });

  it('flags the rescan of an invoice already claimed as a likely duplicate of the first claim, recorded and forwarded all the same', async () => {
    const first = await recordClaim(withInvoice(claimWithDocuments(1), mekongInvoice('receipt.pdf')), recording());
    const rescan = await recordClaim(withInvoice(claimWithDocuments(1), mekongInvoice('rescan.pdf')), recording());

    const key = invoiceContentKey(mekongInvoice('any.pdf')) ?? expect.unreachable('no content key');
    expect(await claims.findClaimedInvoices(BILL.memberId, [key])).toEqual(new Map([[key, first.reference]]));
    expect(await claims.findClaimedInvoices('20481632', [key])).toEqual(new Map());
    expect(rescan).toMatchObject({ outcome: 'FORWARDED', status: 'RECEIVED' });
    expect(rescan.reasons).toEqual([
      'treatment location KH, routed to MAI',
      `rescan.pdf is likely a duplicate: an invoice with the same provider, date of service and total was claimed with ${first.reference}`,
    ]);
    expect((await claims.get(rescan.reference))?.reasons).toEqual(rescan.reasons);
    // The table keeps the member's invoices by a hash: no amount, date or provider in the key.
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: aws.resources.claimsTable, Key: { pk: `INVOICE#${BILL.memberId}#${key}`, sk: 'INVOICE' } }));
    expect(Item).toEqual({ pk: `INVOICE#${BILL.memberId}#${key}`, sk: 'INVOICE', contentKey: key, reference: first.reference });
  });

  it('records the invoices of a claim whose first delivery failed after the claim was written, at the next delivery', async () => {
    const context = withInvoice(claimWithDocuments(1), { ...mekongInvoice('late.pdf'), total: { amount: '12.00', currency: 'USD', confidence: 0.9 } });
    const key = invoiceContentKey(context.invoices?.[0] ?? expect.unreachable('no invoice')) ?? expect.unreachable('no content key');
    const calls = injector.calls.length;
    // After the message lookup, the member's documents and invoices and the claim's transaction: the invoice's write.
    injector.arm({ at: calls + 5, kind: 'unavailable', span: 'onward' });
    await expect(recordClaim(context, recording())).rejects.toThrow();
    injector.disarm();
    expect(injector.calls.slice(calls, calls + 5).map(({ command }) => command)).toEqual(['GetItemCommand', 'BatchGetItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
    expect(await claims.findClaimedInvoices(BILL.memberId, [key])).toEqual(new Map());

    const claim = await recordClaim(context, recording());

    expect(await claims.findClaimedInvoices(BILL.memberId, [key])).toEqual(new Map([[key, claim.reference]]));
  });
});

describe('the outgoing ledger in DynamoDB', () => {
  const address = 'Reply.Storm@Example.net';
  const reply: Outgoing = {
    id: 'reply',
    kind: 'reply',
    messageKind: 'needs-info',
    to: address,
    language: 'both',
    compose: async () => ({ to: address, subject: 'Your message', text: 'text', html: '<p>html</p>', attachments: [] }),
  };
  const seeded = async (index: number): Promise<ClaimRecord> => {
    const claim = claimRecord({ reference: `CLM-2026-LEDG${String(index).padStart(2, '0')}`, sesMessageId: `ses-ledger-${index}`, outcome: 'NEEDS_INFO', status: 'NEEDS_INFO' });
    expect(await claims.create(claim, [])).toBe('created');
    return claim;
  };

  it('counts replies to an address per day in an item that expires, keyed by the address hash, and withholds those past the limit', async () => {
    const mailer = new RecordingMailer();
    const dependencies = { claims, mailer, now: () => NOW, replyLimitPerDay: 2 };
    const states = [];
    for (let index = 0; index < 3; index += 1) states.push((await sendOnce(await seeded(index), reply, dependencies)).sends?.reply?.state);

    expect(states).toEqual(['sent', 'sent', 'withheld']);
    expect(mailer.sent).toHaveLength(2);
    const hash = createHash('sha256').update('reply.storm@example.net').digest('hex');
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: aws.resources.claimsTable, Key: replyCountKey(hash, '2026-03-15') }));
    expect(Item).toEqual({ pk: `REPLIES#${hash}`, sk: 'DAY#2026-03-15', count: 2, expiresAt: Date.parse('2026-03-17T00:00:00Z') / 1000 });
    const withheld = await claims.get('CLM-2026-LEDG02');
    expect(withheld?.reasons.at(-1)).toBe('no reply sent: its address had the 2 replies a day it may receive');
    expect(withheld?.acknowledgement).toBeUndefined();
  });

  it('keeps each message of a claim apart by its id: a later reply is sent once, beside the first, and takes the status it was given', async () => {
    const mailer = new RecordingMailer();
    const claim = await seeded(30);
    // Not counted against the address's replies: the other cases count them.
    const dependencies = { claims, mailer, now: () => NOW };
    const reminder: Outgoing = { ...reply, id: 'reply-reminder-1', messageKind: 'reminder', onSent: { status: 'NEEDS_INFO', detail: 'reminder sent' } };

    await sendOnce(claim, reply, dependencies);
    const reminded = await sendOnce(required(await claims.get(claim.reference), 'the claim'), reminder, dependencies);
    await sendOnce(reminded, reminder, dependencies);

    expect(mailer.sent.map(({ tags }) => [tags.ledger, tags.kind])).toEqual([
      ['reply', 'needs-info'],
      ['reply-reminder-1', 'reminder'],
    ]);
    const recorded = required(await claims.get(claim.reference), 'the claim');
    expect(Object.keys(recorded.sends ?? {})).toEqual(['reply', 'reply-reminder-1']);
    expect(recorded.sends?.['reply-reminder-1']).toMatchObject({ kind: 'reply', state: 'sent', attempt: 1, messageId: '<sent-2@mailer.test>' });
    expect(recorded.acknowledgement?.messageId).toBe('<sent-1@mailer.test>');
    expect(recorded.statusHistory.at(-1)).toEqual({ status: 'NEEDS_INFO', at: NOW.toISOString(), detail: 'reminder sent' });
  });

  it('lets one of two concurrent sends claim the attempt; the other finds it sent, or goes back to the queue', async () => {
    const mailer = new RecordingMailer();
    const claim = await seeded(10);
    const dependencies = { claims, mailer, now: () => NOW, replyLimitPerDay: 5 };

    const results = await Promise.allSettled([sendOnce(claim, reply, dependencies), sendOnce(claim, reply, dependencies)]);

    expect(results[0]?.status === 'fulfilled' || results[1]?.status === 'fulfilled').toBe(true);
    for (const result of results) if (result.status === 'rejected') expect(classifyFailure(result.reason).kind).toBe('transient');
    expect(mailer.sent).toHaveLength(1);
    expect((await claims.get(claim.reference))?.sends?.reply).toMatchObject({ state: 'sent', attempt: 1, messageId: '<sent-1@mailer.test>' });
  });

  it('takes its own conditional write for its own when the SDK retried it after a lost answer', async () => {
    const mailer = new RecordingMailer();
    const claim = await seeded(20);
    const claimWrite = injector.calls.length + 1; // the claim's reply-limit transaction comes first
    injector.arm({ at: claimWrite, kind: 'timeout-after', span: 'call' });

    const sent = await sendOnce(claim, reply, { claims, mailer, now: () => NOW, replyLimitPerDay: 5 });

    expect(injector.calls.slice(claimWrite - 1, claimWrite + 1).map(({ command }) => command)).toEqual(['TransactWriteItemsCommand', 'TransactWriteItemsCommand']);
    expect(sent.sends?.reply).toMatchObject({ state: 'sent', attempt: 1 });
    expect(mailer.sent).toHaveLength(1);
  });
});
