import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../functions/shared/domain/claim.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { continueConversation, type ContinueDependencies } from '../../../functions/shared/pipeline/continue-conversation.ts';
import { CAMBODIA_INVOICE, claimRecord, NOW, now, REFERENCE } from '../../support/claim-records.ts';
import { envelope, intakeContext, sampleMember } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { InMemoryMessageStore } from '../../support/in-memory-message-store.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';

const BILL = sampleMember('52093817');
const REPLY_ID = 'ses-reply-0002';
const RAW = { bucket: 'claims-bucket', key: `incoming/${REPLY_ID}` };
const LOCATED = { country: 'KH', route: 'MAI' as const, evidence: [{ country: 'KH', strength: 'medium' as const, reason: 'phone number with country code +855 (KH)', source: 'invoice.pdf' }], reasons: ['treatment location KH, routed to MAI'] };

/** Bill's claim, his request for documents sent. */
const waiting = (changes: Partial<ClaimRecord> = {}) =>
  claimRecord({
    status: 'NEEDS_INFO',
    outcome: 'NEEDS_INFO',
    treatmentCountry: undefined,
    route: undefined,
    evidence: [],
    reasons: ['member number found in subject', 'no document attached'],
    statusHistory: [
      { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
      { status: 'NEEDS_INFO', at: '2026-03-15T13:30:30.000Z', detail: 'no document attached' },
    ],
    ...changes,
  });

let claims: InMemoryClaimRepository;
let mailer: RecordingMailer;
let store: InMemoryMessageStore;
let dependencies: ContinueDependencies;

beforeEach(() => {
  claims = new InMemoryClaimRepository();
  mailer = new RecordingMailer();
  store = new InMemoryMessageStore();
  dependencies = { claims, mailer, store, administrators: {}, now, rawMessage: RAW, replyLimitPerDay: 5 };
});

async function reply(claim: ClaimRecord, changes: Partial<IntakeContext>, from: 'member' | 'automatic' | 'administrator' = 'member'): Promise<IntakeContext> {
  return intakeContext(
    { from: 'bill.smith@example.org', subject: `Re: [${REFERENCE}]` },
    {
      envelope: envelope({ sesMessageId: REPLY_ID }),
      identification: { member: BILL, ambiguous: false, reasons: ['identified by the registered sender address'] },
      conversation: { claim, joinedBy: 'header', from },
      ...changes,
    },
  );
}

const withInvoice: Partial<IntakeContext> = {
  documents: [CAMBODIA_INVOICE],
  location: LOCATED,
  outcome: { status: 'FORWARDED', reasons: ['identified by the registered sender address', 'treatment location KH, routed to MAI'] },
};
const stillWithout: Partial<IntakeContext> = { documents: [], outcome: { status: 'NEEDS_INFO', missing: 'documents', reasons: ['no document attached'] } };

describe('continueConversation', () => {
  it("continues a claim waiting for documents with the reply's, under its reference, and forwards it once", async () => {
    const claim = await claims.seed(waiting());
    const context = await reply(claim, withInvoice);

    const continued = await continueConversation(context, dependencies);
    expect(await continueConversation(context, dependencies)).toEqual(continued);

    expect(claims.size).toBe(1);
    expect(continued).toMatchObject({
      reference: REFERENCE,
      status: 'FORWARDED',
      outcome: 'FORWARDED',
      route: 'MAI',
      treatmentCountry: 'KH',
      documents: [{ filename: 'invoice.pdf', s3Key: `documents/${REFERENCE}/${REPLY_ID}/1-invoice.pdf` }],
      conversation: [{ sesMessageId: REPLY_ID, joinedBy: 'header', from: 'member', outcome: 'information received', documents: 1, rawMessage: RAW }],
    });
    expect(continued.statusHistory.map(({ status, detail }) => [status, detail])).toEqual([
      ['RECEIVED', undefined],
      ['NEEDS_INFO', 'no document attached'],
      ['RECEIVED', 'information received'],
      ['FORWARDED', 'to MAI'],
    ]);
    expect(mailer.sent.map(({ message, tags }) => [message.to, tags.kind, tags.ledger, message.attachments.map((attachment) => attachment.filename)])).toEqual([
      ['contact@medical-administrators.com', 'forward', 'forward', ['invoice.pdf']],
      ['bill.smith@example.org', 'acknowledged', 'reply-to-message-1', []],
    ]);
    expect(mailer.sent[1]?.message.subject).toBe(`Your claim [${REFERENCE}] has been received`);
    expect([...store.documents.keys()]).toEqual([`documents/${REFERENCE}/${REPLY_ID}/1-invoice.pdf`]);
    expect(await claims.findClaimedDocuments(BILL.memberId, [CAMBODIA_INVOICE.sha256])).toEqual(new Map([[CAMBODIA_INVOICE.sha256, REFERENCE]]));
  });

  it('asks once more when the reply still lacks what is missing, then sends the claim to a person', async () => {
    const first = await continueConversation(await reply(await claims.seed(waiting()), stillWithout), dependencies);
    expect(first).toMatchObject({ status: 'NEEDS_INFO', outcome: 'NEEDS_INFO' });
    expect(first.statusHistory.at(-1)).toEqual({ status: 'NEEDS_INFO', at: NOW.toISOString(), detail: 'information still missing: asked again' });

    const second = await continueConversation(await reply(first, { ...stillWithout, envelope: envelope({ sesMessageId: 'ses-reply-0003' }) }), dependencies);
    expect(second).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW' });
    expect(second.reasons.at(-1)).toBe('the information asked for 2 times has not come');
    expect(second.conversation?.map((message) => message.outcome)).toEqual(['information still missing: asked again', 'the information asked for 2 times has not come']);
    expect(mailer.sent.map(({ message, tags }) => [message.to, tags.kind, tags.ledger, message.subject])).toEqual([
      ['bill.smith@example.org', 'needs-info', 'reply-to-message-1', `Your claim [${REFERENCE}]: documents missing`],
      ['bill.smith@example.org', 'review', 'reply-to-message-2', `Your claim [${REFERENCE}] is being reviewed`],
    ]);
  });

  it('records an automatic reply on the claim and changes nothing else', async () => {
    const claim = await claims.seed(waiting());
    const continued = await continueConversation(
      await reply(claim, { screening: { outcome: 'IGNORED', reason: 'out-of-office reply (subject)' } }, 'automatic'),
      dependencies,
    );
    expect(continued).toEqual({ ...claim, conversation: [expect.objectContaining({ from: 'automatic', outcome: 'not answered: out-of-office reply (subject)' })] });
    expect(mailer.sent).toEqual([]);
  });

  it("sends a forwarded claim to a person when the administrator answers, and answers nothing", async () => {
    const claim = await claims.seed(claimRecord({ status: 'FORWARDED' }));
    const continued = await continueConversation(await reply(claim, {}, 'administrator'), dependencies);
    const reason = 'the administrator answered the forward: a person reads the answer';
    expect(continued).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', conversation: [{ from: 'administrator', outcome: reason }] });
    expect(continued.statusHistory.at(-1)).toEqual({ status: 'REVIEW', at: NOW.toISOString(), detail: reason });
    expect(mailer.sent).toEqual([]);
  });

  it('sends the claim to a person when the answer names another member', async () => {
    const claim = await claims.seed(waiting());
    const context = await reply(claim, { ...withInvoice, identification: { member: sampleMember('12345678'), ambiguous: false, reasons: ['member number found in body'] } });
    const continued = await continueConversation(context, dependencies);
    expect(continued).toMatchObject({ status: 'REVIEW', memberId: BILL.memberId, documents: [{ filename: 'invoice.pdf' }] });
    expect(continued.reasons.at(-1)).toBe('the message names another member than the claim');
    expect(mailer.sent).toEqual([]);
  });
});

describe('a follow-up to a forwarded claim', () => {
  const PAGE = { ...CAMBODIA_INVOICE, filename: 'page-2.pdf', content: Buffer.from('%PDF-1.7 page 2'), sha256: 'f'.repeat(64) };
  const forwarded = () =>
    claimRecord({
      status: 'FORWARDED',
      documents: [{ filename: 'invoice.pdf', type: 'pdf', size: 10, sha256: CAMBODIA_INVOICE.sha256, s3Key: `documents/${REFERENCE}/1-invoice.pdf`, textRead: true }],
      statusHistory: [
        { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
        { status: 'FORWARDED', at: '2026-03-15T13:31:00.000Z', detail: 'to MAI' },
      ],
    });
  const withPage: Partial<IntakeContext> = { documents: [CAMBODIA_INVOICE, PAGE], location: LOCATED, outcome: { status: 'FORWARDED', reasons: [] } };

  it('forwards only the new page to the same administrator, once, and the history shows it', async () => {
    const context = await reply(await claims.seed(forwarded()), withPage);
    const continued = await continueConversation(context, dependencies);
    expect(await continueConversation(context, dependencies)).toEqual(continued);

    expect(mailer.sent.map(({ message, tags }) => [message.to, tags.kind, tags.ledger, message.subject, message.attachments.map((attachment) => attachment.filename)])).toEqual([
      ['contact@medical-administrators.com', 'follow-up', 'forward-follow-up-1', `Complément à la demande [${REFERENCE}] – adhérent 52093817 – nouveaux documents / Follow-up to claim [${REFERENCE}] – member 52093817 – new documents`, ['page-2.pdf']],
    ]);
    expect(continued.documents.map((document) => document.filename)).toEqual(['invoice.pdf', 'page-2.pdf']);
    expect(continued.conversation).toEqual([expect.objectContaining({ outcome: '1 new document(s) forwarded as a follow-up', followUp: [PAGE.sha256] })]);
    expect(continued.statusHistory.at(-1)).toEqual({ status: 'FORWARDED', at: NOW.toISOString(), detail: 'follow-up to MAI' });
  });

  it('sends nothing when every document was received already', async () => {
    const continued = await continueConversation(await reply(await claims.seed(forwarded()), { ...withPage, documents: [CAMBODIA_INVOICE] }), dependencies);
    expect(continued.conversation?.map((message) => message.outcome)).toEqual(['no new document: nothing forwarded']);
    expect(mailer.sent).toEqual([]);
  });

  it('gives a person the documents of a message not shown to come from the member', async () => {
    const context = await reply(await claims.seed(forwarded()), { ...withPage, sender: { authentic: false, reason: 'DMARC failed' } });
    const continued = await continueConversation(context, dependencies);
    expect(continued).toMatchObject({ status: 'REVIEW' });
    expect(continued.reasons.at(-1)).toBe('a message to the forwarded claim was not shown to come from its member');
    expect(mailer.sent).toEqual([]);
  });
});
