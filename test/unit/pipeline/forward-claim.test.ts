import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRawMessage } from '../../../functions/shared/adapters/mime/raw-message.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { forwardClaim, forwardSizeBound, type ForwardDependencies } from '../../../functions/shared/pipeline/forward-claim.ts';
import { CAMBODIA_INVOICE, claimRecord, NOW, now, PRESCRIPTION_PHOTO, REFERENCE } from '../../support/claim-records.ts';
import { documentFile, intakeContext, sampleMember } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';

const NBSP = '\u00a0';
const BILL = sampleMember('52093817');
const INVOICE = CAMBODIA_INVOICE;
const PRESCRIPTION = PRESCRIPTION_PHOTO;

let context: IntakeContext;
let claims: InMemoryClaimRepository;
let mailer: RecordingMailer;
let dependencies: ForwardDependencies;

beforeAll(async () => {
  context = await intakeContext(
    { from: 'bill.smith@example.org', subject: 'Member ID 52093817' },
    { identification: { member: BILL, ambiguous: false, reasons: ['member number found in subject'] }, documents: [INVOICE, PRESCRIPTION] },
  );
});

beforeEach(() => {
  claims = new InMemoryClaimRepository();
  mailer = new RecordingMailer();
  dependencies = { claims, mailer, administrators: {}, now };
});


describe('forwardClaim', () => {
  it("sends a claim routed to MAI to MAI's claims address with the documents as received", async () => {
    await forwardClaim(await claims.seed(claimRecord()), context, dependencies);

    expect(mailer.sent).toHaveLength(1);
    const [sent] = mailer.sent;
    expect(sent?.tags).toEqual({ claimReference: REFERENCE, kind: 'forward', ledger: 'forward', attempt: '1' });
    expect(sent?.message.to).toBe('contact@medical-administrators.com');
    expect(sent?.message.subject).toBe(
      `Demande [${REFERENCE}] – adhérent 52093817 – pays des soins${NBSP}: KH / Claim [${REFERENCE}] – member 52093817 – treatment in KH`,
    );
    expect(sent?.message.attachments).toEqual([
      { filename: 'invoice.pdf', content: INVOICE.content, contentType: 'application/pdf' },
      { filename: 'prescription.jpg', content: PRESCRIPTION.content, contentType: 'image/jpeg' },
    ]);
  });

  it('marks the claim FORWARDED with the message sent, in what it returns and in the repository', async () => {
    const forwarded = await forwardClaim(await claims.seed(claimRecord()), context, dependencies);

    const forward = { to: 'contact@medical-administrators.com', messageId: '<sent-1@mailer.test>', at: NOW.toISOString() };
    expect(forwarded).toEqual(
      claimRecord({
        status: 'FORWARDED',
        forward,
        sends: {
          forward: {
            kind: 'forward',
            state: 'sent',
            attempt: 1,
            at: NOW.toISOString(),
            token: expect.any(String),
            to: forward.to,
            onSent: { status: 'FORWARDED', detail: 'to MAI' },
            messageId: forward.messageId,
            sentAt: NOW.toISOString(),
          },
        },
        statusHistory: [...claimRecord().statusHistory, { status: 'FORWARDED', at: NOW.toISOString(), detail: 'to MAI' }],
      }),
    );
    expect(await claims.get(REFERENCE)).toEqual(forwarded);
  });

  it('sends a claim routed to Cigna in the USA to the claims address the deployment sets', async () => {
    const claim = claimRecord({ route: 'CIGNA_US', treatmentCountry: 'US' });
    const forwarded = await forwardClaim(await claims.seed(claim), context, {
      ...dependencies,
      administrators: { CIGNA_US: { claimsAddress: 'cigna-claims@test.example' }, MAI: { claimsAddress: 'mai-claims@test.example' } },
    });

    expect(mailer.sent.map((sent) => sent.message.to)).toEqual(['cigna-claims@test.example']);
    expect(forwarded.forward?.to).toBe('cigna-claims@test.example');
    expect(forwarded.statusHistory.at(-1)).toEqual({ status: 'FORWARDED', at: NOW.toISOString(), detail: 'to CIGNA_US' });
  });

  it("copies the administrator's email-to-fax gateway when the deployment sets one", async () => {
    const forwarded = await forwardClaim(await claims.seed(claimRecord()), context, {
      ...dependencies,
      administrators: { MAI: { faxGatewayAddress: '33142680690@fax-gateway.example' } },
    });

    expect(mailer.sent.map((sent) => [sent.message.to, sent.message.cc])).toEqual([
      ['contact@medical-administrators.com', ['33142680690@fax-gateway.example']],
    ]);
    expect(forwarded.forward).toEqual({
      to: 'contact@medical-administrators.com',
      cc: ['33142680690@fax-gateway.example'],
      messageId: '<sent-1@mailer.test>',
      at: NOW.toISOString(),
    });
  });

  it('does not send a claim that was already forwarded', async () => {
    const forward = { to: 'contact@medical-administrators.com', messageId: '<earlier@mailer.test>', at: NOW.toISOString() };
    const claim = await claims.seed(claimRecord({ status: 'FORWARDED', forward }));

    expect(await forwardClaim(claim, context, dependencies)).toBe(claim);
    expect(mailer.sent).toEqual([]);
  });

  it.each(['DUPLICATE', 'REVIEW', 'NEEDS_INFO', 'IGNORED', 'QUARANTINED'] as const)('does not send a %s claim', async (outcome) => {
    const claim = await claims.seed(claimRecord({ status: outcome, outcome }));

    expect(await forwardClaim(claim, context, dependencies)).toBe(claim);
    expect(mailer.sent).toEqual([]);
    expect(await claims.get(REFERENCE)).toEqual(claim);
  });

  it('weighs no more as raw MIME than forwardSizeBound says, for the most documents a claim carries, with long names and a rendition', async () => {
    const name = (index: number) => `Facture n°${index} – Clínica Nuestra Señora de Guadalupe, 発行 ${'é'.repeat(120)}.pdf`;
    const documents = Array.from({ length: 50 }, (_, index) =>
      documentFile(name(index), '', { content: Buffer.alloc(1000 + index), type: 'pdf', declaredContentType: 'application/pdf', textRead: false, notReadReason: 'over the read bounds' }),
    );
    const renditions = [{ of: name(0), filename: `${name(0)}.pdf`, contentType: 'application/pdf', content: Buffer.alloc(5000) }];
    const crowded = { ...context, documents, renditions };
    const stored = documents.map(({ filename, type, size, sha256, textRead, notReadReason }) => ({ filename, type, size, sha256, textRead, notReadReason, s3Key: `documents/${sha256}` }));
    await forwardClaim(await claims.seed(claimRecord({ documents: stored })), crowded, dependencies);

    const [sent] = mailer.sent;
    if (sent === undefined) throw new Error('No forward was sent');
    const raw = buildRawMessage(sent.message, { from: 'claims@claims.example.org', date: NOW });
    expect(sent.message.attachments).toHaveLength(51);
    expect(raw.length).toBeLessThan(forwardSizeBound(crowded));
    expect(forwardSizeBound(crowded) - raw.length).toBeGreaterThan(512 * 1024);
  });
});
