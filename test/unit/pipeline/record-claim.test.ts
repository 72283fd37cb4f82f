import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_REFERENCE_PATTERN, newClaimReference } from '../../../functions/shared/domain/claim-reference.ts';
import type { LocationDecision } from '../../../functions/shared/domain/types.ts';
import type { IntakeContext, MemberIdentification, Outcome } from '../../../functions/shared/pipeline/context.ts';
import { recordClaim, type RecordDependencies } from '../../../functions/shared/pipeline/record-claim.ts';
import { CAMBODIA_INVOICE, claimRecord, EARLIER_REFERENCE, NOW, now, PRESCRIPTION_PHOTO } from '../../support/claim-records.ts';
import { intakeContext, RECEIVED_AT, sampleMember } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { InMemoryMessageStore } from '../../support/in-memory-message-store.ts';

vi.mock('../../../functions/shared/domain/claim-reference.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../functions/shared/domain/claim-reference.ts')>();
  return { ...original, newClaimReference: vi.fn(original.newClaimReference) };
});

const BILL = sampleMember('52093817');
const RAW_MESSAGE = { bucket: 'claims-bucket', key: 'incoming/ses-message-0001' };
const RECEIVED = { status: 'RECEIVED', at: RECEIVED_AT.toISOString() } as const;

const INVOICE = CAMBODIA_INVOICE;
const PRESCRIPTION = PRESCRIPTION_PHOTO;

const IDENTIFIED: MemberIdentification = { member: BILL, ambiguous: false, reasons: ['member number found in subject'] };
const IN_CAMBODIA: LocationDecision = {
  country: 'KH',
  route: 'MAI',
  evidence: [{ country: 'KH', strength: 'medium', reason: 'phone number with country code +855 (KH)', source: 'invoice.pdf' }],
  reasons: ['treatment location KH, routed to MAI', 'invoice.pdf: phone number with country code +855 (KH)'],
};
const FORWARD: Outcome = { status: 'FORWARDED', reasons: [...IDENTIFIED.reasons, ...IN_CAMBODIA.reasons] };

let received: IntakeContext;
let claims: InMemoryClaimRepository;
let store: InMemoryMessageStore;
let dependencies: RecordDependencies;

beforeAll(async () => {
  received = await intakeContext({ from: 'bill.smith@example.org', subject: 'Member ID 52093817' });
});

beforeEach(() => {
  vi.mocked(newClaimReference).mockClear();
  claims = new InMemoryClaimRepository();
  store = new InMemoryMessageStore();
  dependencies = { claims, store, rawMessage: RAW_MESSAGE, now };
});

/** Bill Smith's claim for treatment in Cambodia, decided as the given outcome. */
function decided(changes: Partial<IntakeContext> = {}): IntakeContext {
  return { ...received, identification: IDENTIFIED, documents: [INVOICE, PRESCRIPTION], location: IN_CAMBODIA, outcome: FORWARD, ...changes };
}

const storedDocuments = (reference: string) => [
  {
    filename: 'invoice.pdf',
    type: 'pdf',
    size: INVOICE.size,
    sha256: INVOICE.sha256,
    s3Key: `documents/${reference}/1-invoice.pdf`,
    textRead: true,
  },
  {
    filename: 'prescription.jpg',
    type: 'jpeg',
    size: PRESCRIPTION.size,
    sha256: PRESCRIPTION.sha256,
    s3Key: `documents/${reference}/2-prescription.jpg`,
    textRead: false,
    notReadReason: 'image without a text layer',
  },
];

describe('recordClaim', () => {
  it('records a routed claim as RECEIVED until it is forwarded, and claims its documents for the member', async () => {
    const claim = await recordClaim(decided(), dependencies);

    expect(claim.reference).toMatch(CLAIM_REFERENCE_PATTERN);
    expect(claim.reference.startsWith('CLM-2026-')).toBe(true);
    expect(claim).toEqual({
      reference: claim.reference,
      sesMessageId: 'ses-message-0001',
      receivedAt: '2026-03-15T13:30:00.000Z',
      createdAt: '2026-03-15T13:31:00.000Z',
      channel: 'email',
      rawMessage: RAW_MESSAGE,
      memberId: '52093817',
      treatmentCountry: 'KH',
      route: 'MAI',
      status: 'RECEIVED',
      outcome: 'FORWARDED',
      reasons: FORWARD.reasons,
      evidence: IN_CAMBODIA.evidence,
      documents: storedDocuments(claim.reference),
      statusHistory: [RECEIVED],
      sends: {},
    });
    expect(claims.size).toBe(1);
    expect(await claims.findByMessageId('ses-message-0001')).toEqual(claim);
    expect(await claims.findClaimedDocuments('52093817', [INVOICE.sha256, PRESCRIPTION.sha256])).toEqual(
      new Map([
        [INVOICE.sha256, claim.reference],
        [PRESCRIPTION.sha256, claim.reference],
      ]),
    );
    expect(store.documents).toEqual(
      new Map([
        [`documents/${claim.reference}/1-invoice.pdf`, { content: INVOICE.content, contentType: 'application/pdf' }],
        [`documents/${claim.reference}/2-prescription.jpg`, { content: PRESCRIPTION.content, contentType: 'image/jpeg' }],
      ]),
    );
  });

  it.each<[string, Partial<IntakeContext>, Outcome]>([
    [
      'REVIEW',
      { identification: { ...IDENTIFIED, member: { ...BILL, status: 'suspended' } } },
      { status: 'REVIEW', reasons: ['member number found in subject', 'member status is suspended'] },
    ],
    ['NEEDS_INFO', { documents: [], location: undefined }, { status: 'NEEDS_INFO', missing: 'documents', reasons: ['no document attached'] }],
  ])('records a %s claim with its final status and no route', async (status, changes, outcome) => {
    const context = decided({ ...changes, outcome });
    const claim = await recordClaim(context, dependencies);
    const documents = context.documents?.length ? storedDocuments(claim.reference) : [];

    expect(claim).toEqual({
      reference: claim.reference,
      sesMessageId: 'ses-message-0001',
      receivedAt: '2026-03-15T13:30:00.000Z',
      createdAt: '2026-03-15T13:31:00.000Z',
      channel: 'email',
      rawMessage: RAW_MESSAGE,
      memberId: '52093817',
      treatmentCountry: context.location ? 'KH' : undefined,
      status,
      outcome: status,
      reasons: outcome.reasons,
      evidence: context.location ? IN_CAMBODIA.evidence : [],
      documents,
      statusHistory: [RECEIVED, { status, at: NOW.toISOString(), detail: outcome.reasons.join('; ') }],
      sends: {},
    });
    expect(claim.route).toBeUndefined();
    expect(await claims.findClaimedDocuments('52093817', [INVOICE.sha256, PRESCRIPTION.sha256])).toEqual(new Map());
  });

  it('records the invoices read on the claim, as read, and none on a claim whose invoices were not read', async () => {
    const invoices = [{
      document: 'invoice.pdf',
      kind: 'invoice' as const,
      serviceDates: [{ date: '2026-03-12', confidence: 0.9 }],
      lines: [{ description: 'Consultation', amount: { amount: '60.00', currency: 'USD' } }],
      total: { amount: '60.00', currency: 'USD', confidence: 0.9 },
      confidence: 0.9,
    }];

    const claim = await recordClaim(decided({ invoices }), dependencies);

    expect(claim.invoices).toEqual(invoices);
    expect((await claims.get(claim.reference))?.invoices).toEqual(invoices);
    expect((await recordClaim(decided({ envelope: { ...received.envelope, sesMessageId: 'ses-message-0002' } }), dependencies)).invoices).toBeUndefined();
  });

  it('records a screened-out message with no member and no document', async () => {
    const outcome: Outcome = { status: 'QUARANTINED', reasons: ['virus verdict FAIL'] };
    const context: IntakeContext = { ...received, screening: { outcome: 'QUARANTINED', reason: 'virus verdict FAIL' }, documents: undefined, outcome };
    const claim = await recordClaim(context, dependencies);

    expect(claim).toMatchObject({ status: 'QUARANTINED', outcome: 'QUARANTINED', documents: [], evidence: [], reasons: ['virus verdict FAIL'] });
    expect(claim.memberId).toBeUndefined();
    expect(claim.statusHistory).toEqual([RECEIVED, { status: 'QUARANTINED', at: NOW.toISOString(), detail: 'virus verdict FAIL' }]);
    expect(store.documents.size).toBe(0);
  });

  it('returns the claim a redelivered message already became, and records nothing more', async () => {
    const first = await recordClaim(decided(), dependencies);
    const again = await recordClaim(decided(), { ...dependencies, now: () => new Date('2026-03-15T14:00:00.000Z') });

    expect(again).toEqual(first);
    expect(claims.size).toBe(1);
    expect([...store.documents.keys()]).toEqual([`documents/${first.reference}/1-invoice.pdf`, `documents/${first.reference}/2-prescription.jpg`]);
  });

  it('returns the claim a concurrent delivery of the same message recorded first', async () => {
    const concurrent = claimRecord({ reference: EARLIER_REFERENCE });
    await claims.create(concurrent, []);
    vi.spyOn(claims, 'findByMessageId').mockResolvedValueOnce(undefined);

    expect(await recordClaim(decided(), dependencies)).toEqual(concurrent);
    expect(claims.size).toBe(1);
  });

  it("takes documents the member already sent, and nothing new, as a duplicate of the earlier claim", async () => {
    await claims.create(claimRecord({ reference: EARLIER_REFERENCE, sesMessageId: 'ses-message-earlier' }), [INVOICE.sha256, PRESCRIPTION.sha256]);
    const claim = await recordClaim(decided(), dependencies);

    const reasons = [...FORWARD.reasons, `documents already received with ${EARLIER_REFERENCE}`];
    expect(claim).toMatchObject({
      status: 'DUPLICATE',
      outcome: 'DUPLICATE',
      duplicateOf: EARLIER_REFERENCE,
      route: 'MAI',
      treatmentCountry: 'KH',
      reasons,
      statusHistory: [RECEIVED, { status: 'DUPLICATE', at: NOW.toISOString(), detail: reasons.join('; ') }],
    });
    expect(await claims.findClaimedDocuments('52093817', [INVOICE.sha256, PRESCRIPTION.sha256])).toEqual(
      new Map([
        [INVOICE.sha256, EARLIER_REFERENCE],
        [PRESCRIPTION.sha256, EARLIER_REFERENCE],
      ]),
    );
  });

  it("does not take another member's documents as a duplicate", async () => {
    const otherMember = claimRecord({ reference: EARLIER_REFERENCE, sesMessageId: 'ses-message-earlier', memberId: '12345678' });
    await claims.create(otherMember, [INVOICE.sha256, PRESCRIPTION.sha256]);
    const claim = await recordClaim(decided(), dependencies);

    expect(claim).toMatchObject({ status: 'RECEIVED', outcome: 'FORWARDED', reasons: FORWARD.reasons });
    expect(claim.duplicateOf).toBeUndefined();
  });

  it('still forwards a claim that brings new documents with old ones, naming the earlier claim', async () => {
    await claims.create(claimRecord({ reference: EARLIER_REFERENCE, sesMessageId: 'ses-message-earlier' }), [INVOICE.sha256]);
    const claim = await recordClaim(decided(), dependencies);

    expect(claim).toMatchObject({
      status: 'RECEIVED',
      outcome: 'FORWARDED',
      route: 'MAI',
      reasons: [...FORWARD.reasons, `invoice.pdf already received with ${EARLIER_REFERENCE}`],
      statusHistory: [RECEIVED],
    });
    expect(claim.duplicateOf).toBeUndefined();
    expect(await claims.findClaimedDocuments('52093817', [INVOICE.sha256, PRESCRIPTION.sha256])).toEqual(
      new Map([
        [INVOICE.sha256, EARLIER_REFERENCE],
        [PRESCRIPTION.sha256, claim.reference],
      ]),
    );
  });

  it('draws another reference when the first is taken', async () => {
    const taken = claimRecord({ reference: 'CLM-2026-TAKEN2', sesMessageId: 'ses-message-earlier' });
    await claims.create(taken, []);
    vi.mocked(newClaimReference).mockReturnValueOnce('CLM-2026-TAKEN2').mockReturnValueOnce('CLM-2026-FRESH7');

    const claim = await recordClaim(decided(), dependencies);

    expect(claim.reference).toBe('CLM-2026-FRESH7');
    expect(claim.documents.map((document) => document.s3Key)).toEqual([
      'documents/CLM-2026-FRESH7/1-invoice.pdf',
      'documents/CLM-2026-FRESH7/2-prescription.jpg',
    ]);
    expect(await claims.get('CLM-2026-TAKEN2')).toEqual(taken);
    expect(await claims.findByMessageId('ses-message-0001')).toEqual(claim);
  });

  it("leaves the stored documents of the claim holding a taken reference untouched", async () => {
    await claims.create(claimRecord({ reference: 'CLM-2026-TAKEN2', sesMessageId: 'ses-message-earlier' }), []);
    const earlierInvoice = { content: Buffer.from('%PDF-1.7 an earlier invoice'), contentType: 'application/pdf' };
    await store.putDocument('documents/CLM-2026-TAKEN2/1-invoice.pdf', earlierInvoice.content, earlierInvoice.contentType);
    vi.mocked(newClaimReference).mockReturnValueOnce('CLM-2026-TAKEN2').mockReturnValueOnce('CLM-2026-FRESH7');

    await recordClaim(decided(), dependencies);

    const takenFolder = [...store.documents].filter(([key]) => key.startsWith('documents/CLM-2026-TAKEN2/'));
    expect(takenFolder).toEqual([['documents/CLM-2026-TAKEN2/1-invoice.pdf', earlierInvoice]]);
  });

  it('gives up after three taken references', async () => {
    await claims.create(claimRecord({ reference: 'CLM-2026-TAKEN2', sesMessageId: 'ses-message-earlier' }), []);
    vi.mocked(newClaimReference)
      .mockReturnValueOnce('CLM-2026-TAKEN2')
      .mockReturnValueOnce('CLM-2026-TAKEN2')
      .mockReturnValueOnce('CLM-2026-TAKEN2');

    await expect(recordClaim(decided(), dependencies)).rejects.toThrow('Could not allocate a unique claim reference');
    expect(vi.mocked(newClaimReference)).toHaveBeenCalledTimes(3);
    expect(await claims.findByMessageId('ses-message-0001')).toBeUndefined();
  });

  it('refuses to record a message before its outcome was decided', async () => {
    await expect(recordClaim(decided({ outcome: undefined }), dependencies)).rejects.toThrow(
      'Intake step ran before knowing the outcome',
    );
  });
});
