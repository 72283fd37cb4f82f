import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import type { Claim as FhirClaim } from '@medplum/fhirtypes';
import { invocationContext } from '../../bin/local/lambda-context.ts';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import { DELIVERY_EVENTS_TIMEOUT } from '../../lib/constructs/delivery-events-function.ts';
import { CLAIM_REFERENCE_PATTERN } from '../../functions/shared/domain/claim-reference.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';
import { expectClaimCodes, validateR4 } from '../support/fhir-r4.ts';
import { EVENTS_TOPIC, RECEIPT_TOPIC, sesBounceRecord, snsBody, snsEnvelope } from '../support/ses-events.ts';
import { fixture, type Delivery } from '../support/intake-harness.ts';

const NBSP = '\u00a0';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const attachmentHashes = (email: OutboxEmail) =>
  email.attachments.map((attachment) => sha256(Buffer.from(attachment.content, 'base64')));

const harness = useIntakeHarness();

/** The forward's last attachment: the FHIR Claim of the invoices read, named for the claim. */
function fhirClaimOf(forward: OutboxEmail, reference: string): FhirClaim {
  const attachment = forward.attachments.at(-1);
  expect(attachment?.filename).toBe(`claim-${reference}.fhir.json`);
  expect(attachment?.contentType).toBe('application/fhir+json');
  return JSON.parse(Buffer.from(attachment?.content ?? '', 'base64').toString('utf8')) as FhirClaim;
}

async function deliver(raw: Buffer, delivery?: Delivery) {
  const { event, sesMessageId } = await harness().receive(raw, delivery);
  const response = await harness().handler(event);
  return { event, sesMessageId, response };
}

/** What the handler logged while `work` ran, level by level, whatever the configured level. */
async function logsOf(work: () => Promise<unknown>): Promise<{ info: unknown[][]; warn: unknown[][]; error: unknown[][] }> {
  const spies = { info: vi.spyOn(Logger.prototype, 'info'), warn: vi.spyOn(Logger.prototype, 'warn'), error: vi.spyOn(Logger.prototype, 'error') };
  try {
    await work();
    return { info: [...spies.info.mock.calls], warn: [...spies.warn.mock.calls], error: [...spies.error.mock.calls] };
  } finally {
    Object.values(spies).forEach((spy) => spy.mockRestore());
  }
}


/** The delivery-events function, invoked with its deployed timeout. */
async function recordDeliveryEvents(event: SQSEvent) {
  const { handler } = await import('../../functions/delivery-events/handler.ts');
  return handler(event, invocationContext(DELIVERY_EVENTS_TIMEOUT.toMilliseconds()));
}

async function claimFor(sesMessageId: string) {
  const claim = await harness().claims.findByMessageId(sesMessageId);
  if (!claim) throw new Error(`no claim recorded for ${sesMessageId}`);
  return claim;
}

describe('intake handler against the emulators', () => {
  it('forwards a French invoice to MAI and acknowledges the member in French', async () => {
    const invoice = await fixture('invoices/note-honoraires-paris.pdf');
    const { sesMessageId, response } = await deliver(await fixture('claims/fr-paris-invoice.eml'));

    expect(response).toEqual({ batchItemFailures: [] });
    const claim = await claimFor(sesMessageId);
    expect(claim.reference).toMatch(CLAIM_REFERENCE_PATTERN);
    expect(claim).toMatchObject({
      status: 'FORWARDED',
      outcome: 'FORWARDED',
      memberId: '12345678',
      channel: 'email',
      route: 'MAI',
      treatmentCountry: 'FR',
      rawMessage: { key: `incoming/${sesMessageId}` },
    });
    expect(claim.documents).toEqual([
      {
        filename: 'note-honoraires-paris.pdf',
        type: 'pdf',
        size: invoice.length,
        sha256: sha256(invoice),
        s3Key: `documents/${claim.reference}/1-note-honoraires-paris.pdf`,
        textRead: true,
      },
    ]);
    expect(claim.statusHistory.map((change) => change.status)).toEqual(['RECEIVED', 'FORWARDED']);
    expect(claim.forward?.to).toBe('contact@medical-administrators.com');
    expect(claim.acknowledgement?.to).toBe('marie.dupont@example.fr');

    const outbox = await harness().aws.outbox.list();
    expect(outbox).toHaveLength(2);
    const [forward, acknowledgement] = outbox as [OutboxEmail, OutboxEmail];
    expect(forward.destination.to).toEqual(['contact@medical-administrators.com']);
    expect(forward.from).toContain('claims@claims.example.org');
    expect(forward.subject).toContain(claim.reference);
    expect(forward.subject).toContain('12345678');
    expect(attachmentHashes(forward).slice(0, -1)).toEqual([sha256(invoice)]);
    expect(fhirClaimOf(forward, claim.reference).patient).toEqual({ reference: '#member' });
    expect(forward.body.text).toContain('Marie Dupont');

    expect(acknowledgement.destination.to).toEqual(['marie.dupont@example.fr']);
    expect(acknowledgement.subject).toBe(`Votre demande de remboursement [${claim.reference}] a bien été reçue`);
    expect(acknowledgement.body.text).toContain('http://expat.cigna.medical-administrators.com/fr');
    expect(acknowledgement.body.text).not.toContain('cignaenvoy');
    expect(acknowledgement.body.text).toContain('note-honoraires-paris.pdf');
    expect(acknowledgement.attachments).toEqual([]);
  });

  it('forwards a US bill to Cigna and acknowledges in English with the Cigna Envoy link', async () => {
    const bill = await fixture('invoices/itemized-bill-boston.pdf');
    const { sesMessageId } = await deliver(await fixture('claims/en-boston-bill.eml'));

    const claim = await claimFor(sesMessageId);
    expect(claim).toMatchObject({ status: 'FORWARDED', route: 'CIGNA_US', treatmentCountry: 'US', memberId: '20481632' });
    const [forward, acknowledgement] = (await harness().aws.outbox.list()) as [OutboxEmail, OutboxEmail];
    expect(forward.destination.to.map((address) => address.toLowerCase())).toEqual(['ice.team@cigna.com']);
    expect(claim.forward?.to).toBe('Ice.Team@Cigna.com');
    expect(attachmentHashes(forward).slice(0, -1)).toEqual([sha256(bill)]);
    expect(fhirClaimOf(forward, claim.reference).insurer).toEqual({ reference: '#insurer', display: 'Cigna Global Health Benefits' });
    expect(acknowledgement.destination.to).toEqual(['john.carter@example.com']);
    expect(acknowledgement.subject).toBe(`Your claim [${claim.reference}] has been received`);
    expect(acknowledgement.body.text).toContain('https://www.cignaenvoy.com');
    expect(acknowledgement.body.text).not.toContain('medical-administrators.com/fr');
  });

  it('records on the claim item what each invoice says, amounts as decimal strings, and lists it in the cover and the acknowledgement', async () => {
    // Its own copy of the Montréal invoice: the claims of the other cases stay in the table, and the same bytes would be a duplicate.
    const invoice = Buffer.concat([await fixture('invoices/invoice-montreal.pdf'), Buffer.from('\n% invoices read\n')]);
    const { sesMessageId } = await deliver(
      await compose({
        from: 'Lucie Bernard <lucie.bernard@example.org>',
        to: 'claims@claims.example.org',
        subject: 'Demande de remboursement – adhérent CFE-004512',
        text: 'Bonjour, voici ma facture.',
        attachments: [{ filename: 'invoice-montreal.pdf', content: invoice, contentType: 'application/pdf' }],
      }),
    );

    const claim = await claimFor(sesMessageId);
    expect(claim.status).toBe('FORWARDED');
    expect(claim.invoices).toEqual([
      {
        document: 'invoice-montreal.pdf',
        kind: 'invoice',
        provider: {
          name: 'Clinique médicale Centre-Ville',
          address: '1250, boulevard René-Lévesque Ouest, bureau 300',
          identifiers: [],
          confidence: 0.9,
          letterhead: { firstLine: 0, lastLine: 4 },
        },
        invoiceNumber: { value: 'MTL-2025-0412', confidence: 0.9 },
        serviceDates: [{ date: '2025-03-12', confidence: 0.9 }],
        lines: [
          { description: 'Consultation médicale / Medical consultation', amount: { amount: '150.00', currency: 'CAD' } },
          { description: 'Test rapide streptocoque / Rapid strep test', amount: { amount: '35.00', currency: 'CAD' } },
        ],
        total: { amount: '185.00', currency: 'CAD', confidence: 0.9 },
        paid: { amount: '185.00', currency: 'CAD', confidence: 0.9 },
        confidence: 0.9,
      },
    ]);
    const [forward, acknowledgement] = (await harness().aws.outbox.list()) as [OutboxEmail, OutboxEmail];
    expect(forward.body.text).toContain(`- invoice-montreal.pdf: Clinique médicale Centre-Ville – 12 mars 2025 – 185,00${NBSP}$CA\n\nTotaux par devise${NBSP}:\n- 185,00${NBSP}$CA`);
    expect(forward.body.text).toContain('- invoice-montreal.pdf: Clinique médicale Centre-Ville – 12 March 2025 – CA$185.00\n\nTotals per currency:\n- CA$185.00');
    expect(attachmentHashes(forward).slice(0, -1)).toEqual([sha256(invoice)]);
    const fhirClaim = fhirClaimOf(forward, claim.reference);
    expect(() => validateR4(fhirClaim)).not.toThrow();
    expectClaimCodes(fhirClaim);
    expect(fhirClaim.identifier).toEqual([{ value: claim.reference }]);
    expect(fhirClaim.contained?.[0]).toMatchObject({ resourceType: 'Patient', identifier: [{ value: 'CFE-004512' }] });
    expect(fhirClaim.provider).toEqual({ reference: '#provider', display: 'Clinique médicale Centre-Ville' });
    expect(fhirClaim.item?.map(({ productOrService, servicedDate, net }) => [productOrService.text, servicedDate, net])).toEqual([
      ['Consultation médicale / Medical consultation', '2025-03-12', { value: 150, currency: 'CAD' }],
      ['Test rapide streptocoque / Rapid strep test', '2025-03-12', { value: 35, currency: 'CAD' }],
    ]);
    expect(fhirClaim.total).toEqual({ value: 185, currency: 'CAD' });
    expect(acknowledgement.destination.to).toEqual(['lucie.bernard@example.org']);
    expect(acknowledgement.body.text).toContain(
      `Les factures que nous avons lues dans vos documents${NBSP}:\n- Clinique médicale Centre-Ville – 12 mars 2025 – 185,00${NBSP}$CA\n\nSi l'une d'elles est erronée ou manque, répondez à ce message pour nous le dire.`,
    );
  });

  it('makes one claim, one forward and one acknowledgement of a message delivered twice', async () => {
    const { event, sesMessageId } = await harness().receive(await fixture('claims/cambodia-usd-invoice.eml'));
    expect(await harness().handler(event)).toEqual({ batchItemFailures: [] });
    expect(await harness().handler(event)).toEqual({ batchItemFailures: [] });

    const claim = await claimFor(sesMessageId);
    expect(claim).toMatchObject({ status: 'FORWARDED', route: 'MAI', treatmentCountry: 'KH' });
    const outbox = await harness().aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([['contact@medical-administrators.com'], ['bill.smith@example.org']]);
  });

  it('takes documents the member already claimed as a duplicate, acknowledged but not forwarded again', async () => {
    const first = await deliver(await fixture('claims/canada-dollar-invoice.eml'));
    const original = await claimFor(first.sesMessageId);
    await harness().aws.outbox.clear();

    const { sesMessageId } = await deliver(await fixture('claims/forwarded-invoice.eml'));
    const claim = await claimFor(sesMessageId);
    expect(claim).toMatchObject({ status: 'DUPLICATE', duplicateOf: original.reference, memberId: 'CFE-004512' });
    expect(claim.forward).toBeUndefined();
    const outbox = await harness().aws.outbox.list();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.destination.to).toEqual(['lucie.bernard@example.org']);
    expect(outbox[0]?.subject).toContain(`[${claim.reference}]`);
    expect(outbox[0]?.body.text).toContain(`ont déjà été reçus sous la référence ${original.reference}`);
  });

  it('acknowledges at the registered address, never at the From address', async () => {
    const { sesMessageId } = await deliver(await invoiceClaim('someone.else@example.net', 'Claim for my husband, member number 52093817', 'resent'));

    const claim = await claimFor(sesMessageId);
    expect(claim.acknowledgement?.to).toBe('bill.smith@example.org');
    const recipients = (await harness().aws.outbox.list()).flatMap((email) => email.destination.to);
    expect(recipients).toEqual(['contact@medical-administrators.com', 'bill.smith@example.org']);
  });

  it.each([
    ['bounce.eml', { envelopeSender: '' }, 'IGNORED'],
    ['out-of-office.eml', {}, 'IGNORED'],
    ['fr-paris-invoice.eml', { verdicts: { virus: 'FAIL' } }, 'QUARANTINED'],
    ['en-boston-bill.eml', { verdicts: { spam: 'FAIL' } }, 'QUARANTINED'],
  ] as const)('records %s (%o) as %s and sends nothing', async (file, delivery, status) => {
    const { sesMessageId, response } = await deliver(await fixture(`claims/${file}`), delivery);

    expect(response).toEqual({ batchItemFailures: [] });
    const claim = await claimFor(sesMessageId);
    expect(claim.status).toBe(status);
    expect(claim.statusHistory.map((change) => change.status)).toEqual(['RECEIVED', status]);
    expect(claim.documents).toEqual([]);
    expect(await harness().aws.outbox.list()).toEqual([]);
  });

  it('sends the review acknowledgement for conflicting evidence and forwards nothing', async () => {
    const { sesMessageId } = await deliver(await fixture('claims/mixed-us-fr.eml'));

    const claim = await claimFor(sesMessageId);
    expect(claim).toMatchObject({ status: 'REVIEW', memberId: '12345678' });
    expect(claim.route).toBeUndefined();
    expect(claim.reasons).toContain(
      'conflicting evidence: itemized-bill-boston.pdf points to US, note-honoraires-paris.pdf points to FR',
    );
    const outbox = await harness().aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([['marie.dupont@example.fr']]);
  });

  it('holds for review, and forwards nothing, a claim carrying a file SES would refuse to send on', async () => {
    const raw = await compose({
      from: 'bill.smith@example.org',
      to: 'claims@claims.example.org',
      subject: 'Claim, member number 52093817',
      text: 'Invoice attached, and the viewer I read it with.',
      attachments: [
        { filename: 'invoice.pdf', content: await fixture('invoices/invoice-phnom-penh.pdf') },
        { filename: 'PdfViewer.exe', content: Buffer.from('MZ'), contentType: 'application/octet-stream' },
      ],
    });
    const { sesMessageId, response } = await deliver(raw);

    expect(response).toEqual({ batchItemFailures: [] });
    const claim = await claimFor(sesMessageId);
    expect(claim).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', memberId: '52093817', treatmentCountry: 'KH' });
    // Whether the invoice is also flagged as one Bill claimed earlier depends on which tests ran before.
    expect(claim.reasons).toContain('SES does not send .exe files such as PdfViewer.exe');
    const outbox = await harness().aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([['bill.smith@example.org']]);
  });

  it('asks a known member for the missing document', async () => {
    const { sesMessageId } = await deliver(await fixture('claims/no-attachment.eml'));

    expect(await claimFor(sesMessageId)).toMatchObject({ status: 'NEEDS_INFO', memberId: '20481632' });
    const outbox = await harness().aws.outbox.list();
    expect(outbox.map((email) => email.destination.to)).toEqual([['john.carter@example.com']]);
  });

  it('asks an authenticated unknown sender for a member number, and stays silent when unauthenticated', async () => {
    const raw = await fixture('claims/unknown-sender.eml');
    const authenticated = await deliver(raw);
    expect(await claimFor(authenticated.sesMessageId)).toMatchObject({ status: 'NEEDS_INFO' });
    expect((await harness().aws.outbox.list()).map((email) => email.destination.to)).toEqual([['anna.kowalski@example.com']]);

    await harness().aws.outbox.clear();
    const spoofable = await deliver(raw, { verdicts: { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' } });
    expect(await claimFor(spoofable.sesMessageId)).toMatchObject({ status: 'REVIEW' });
    expect(await harness().aws.outbox.list()).toEqual([]);
  });

  describe("a member's own address as From", () => {
    const NOT_AUTHENTICATED = (why: string) => `no member number, and the sender is not authenticated: ${why}`;
    /** SES's header on the stored message: SPF passed for the envelope sender given, DMARC found no policy. */
    const sesHeader = (envelopeFrom: string) =>
      `Authentication-Results: amazonses.com;\r\n spf=pass (spfCheck: domain of ${envelopeFrom.split('@')[1]} designates 192.0.2.25 as permitted sender) client-ip=192.0.2.25; envelope-from=${envelopeFrom}; helo=mx.example.net;\r\n dmarc=none header.from=example.com;\r\n`;
    const storedBySes = (header: string, raw: Buffer) => Buffer.concat([Buffer.from(header), raw]);

    /** John Carter's message asking how to claim: no member number, no document. */
    const question = () =>
      compose({ from: 'John Carter <john.carter@example.com>', to: 'claims@claims.example.org', subject: 'How do I claim?', text: 'Hello, what do I send?' });

    it('is not believed with SPF PASS and DMARC FAIL: the member is not identified and nobody gets a reply', async () => {
      const { sesMessageId } = await deliver(await question(), { verdicts: { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' } });

      const claim = await claimFor(sesMessageId);
      expect({ status: claim.status, memberId: claim.memberId, reasons: claim.reasons, acknowledgement: claim.acknowledgement }).toEqual({
        status: 'REVIEW',
        memberId: undefined,
        reasons: [NOT_AUTHENTICATED("DMARC failed for the sender's domain")],
        acknowledgement: undefined,
      });
      expect(await harness().aws.outbox.list()).toEqual([]);
    });

    it('goes to a person with SPF PASS and DMARC FAIL though it names the member, who alone is told, at the registered address', async () => {
      const { sesMessageId } = await deliver(await fixture('claims/no-attachment.eml'), { verdicts: { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' } });

      const claim = await claimFor(sesMessageId);
      expect({ status: claim.status, memberId: claim.memberId, reasons: claim.reasons }).toEqual({
        status: 'REVIEW',
        memberId: '20481632',
        reasons: ['member number found in body', "the sender is not authenticated (DMARC failed for the sender's domain): a member number alone does not forward a claim"],
      });
      const outbox = await harness().aws.outbox.list();
      expect(outbox.map((email) => ({ to: email.destination.to, subject: email.subject }))).toEqual([{ to: ['john.carter@example.com'], subject: expect.stringContaining(claim.reference) }]);
    });

    it("is quarantined, read no further and answered by nobody when DMARC fails for a domain whose policy is reject", async () => {
      const { sesMessageId } = await deliver(await fixture('claims/fr-paris-invoice.eml'), { verdicts: { dmarc: 'FAIL', dmarcPolicy: 'reject' } });

      expect(await claimFor(sesMessageId)).toMatchObject({
        status: 'QUARANTINED',
        reasons: ["DMARC verdict FAIL, and the sender's domain asks to reject such mail"],
        documents: [],
      });
      expect(await harness().aws.outbox.list()).toEqual([]);
    });

    it("is believed, with no DMARC policy, on an aligned SPF pass in SES's topmost header, and not on a forged one below SES's", async () => {
      const raw = await question();
      const aligned = await deliver(storedBySes(sesHeader('bounce@mail.example.com'), raw), { verdicts: { dmarc: 'GRAY' } });
      expect(await claimFor(aligned.sesMessageId)).toMatchObject({ status: 'NEEDS_INFO', memberId: '20481632', reasons: ['identified by the registered sender address', 'no document attached'] });
      expect((await harness().aws.outbox.list()).map((email) => email.destination.to)).toEqual([['john.carter@example.com']]);

      await harness().aws.outbox.clear();
      const forgedBelow = storedBySes(sesHeader('bounce@esp.example') + 'Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=example.com\r\n', raw);
      const forged = await deliver(forgedBelow, { verdicts: { dmarc: 'GRAY' } });
      const claim = await claimFor(forged.sesMessageId);
      expect({ status: claim.status, memberId: claim.memberId, reasons: claim.reasons }).toEqual({
        status: 'REVIEW',
        memberId: undefined,
        reasons: [NOT_AUTHENTICATED("the sender's domain publishes no DMARC policy, and no SPF or DKIM pass is aligned with it")],
      });
      expect(await harness().aws.outbox.list()).toEqual([]);
    });
  });

  it('reports only the unreadable record of a batch as failed', async () => {
    const good = await harness().receive(await fixture('claims/out-of-office.eml'));
    const [record] = good.event.Records;
    const broken = { ...record!, messageId: 'broken-record', body: '{"Type":"Notification","MessageId":"x","Message":"{}"}' };

    const response = await harness().handler({ Records: [broken, record!] });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'broken-record' }] });
    expect((await claimFor(good.sesMessageId)).status).toBe('IGNORED');
  });

  it("drops SES's setup notification on the receipt topic with one log line, beside a claim of the same batch", async () => {
    const good = await harness().receive(await fixture('claims/out-of-office.eml'));
    const setup = JSON.stringify({
      notificationType: 'AmazonSnsSubscriptionSucceeded',
      message: `You have successfully subscribed your Amazon SNS topic '${RECEIPT_TOPIC}' to receive 'Received' notifications from Amazon SES.`,
    });
    const record = harness().queueRecord('setup-1', snsEnvelope(RECEIPT_TOPIC, `${setup}\n`));

    let response: unknown;
    const logs = await logsOf(async () => {
      response = await harness().handler({ Records: [record, ...good.event.Records] });
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(logs.info.filter(([message]) => message !== 'message processed')).toEqual([['SES setup notification dropped', { kind: 'SubscriptionSucceeded' }]]);
    expect(logs.error).toEqual([]);
    expect((await claimFor(good.sesMessageId)).status).toBe('IGNORED');
  });

  it('gives every real-client message in the shared fixtures a recorded outcome', async () => {
    const directory = path.resolve('test', 'fixtures', 'third-party', 'mime');
    const files = (await readdir(directory)).filter((file) => file.endsWith('.eml')).sort();
    expect(files).toHaveLength(25);
    const statuses: Record<string, string> = {};
    for (const file of files) {
      const { sesMessageId, response } = await deliver(await readFile(path.join(directory, file)));
      expect(response, file).toEqual({ batchItemFailures: [] });
      statuses[file] = (await claimFor(sesMessageId)).status;
    }
    // None of these senders is a member: each is asked for a member number, except the read receipt, and two
    // a person must see: one has no sender to ask, one a part typed "BINARY", which is no content type.
    const exceptions: Record<string, string> = {
      'flanker-disposition-notification.eml': 'IGNORED',
      'flanker-attached-pdf.eml': 'REVIEW',
      'flanker-torture.eml': 'REVIEW',
    };
    const expected = Object.fromEntries(files.map((file) => [file, exceptions[file] ?? 'NEEDS_INFO']));
    expect(statuses).toEqual(expected);
  }, 120_000);
});

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/** A claim with Bill Smith's Phnom Penh invoice, which a comment at its end makes a document no other claim carried. */
async function invoiceClaim(from: string, subject: string, comment: string): Promise<Buffer> {
  const invoice = await fixture('invoices/invoice-phnom-penh.pdf');
  return compose({
    from,
    to: 'claims@claims.example.org',
    subject,
    text: 'Please find the invoice attached.',
    attachments: [{ filename: 'invoice.pdf', content: Buffer.concat([invoice, Buffer.from(`\n% ${comment}\n`)]) }],
  });
}

describe('delivery events handler against the emulators', () => {
  it('records a bounce of the forward against its claim', async () => {
    const { sesMessageId } = await deliver(await fixture('claims/no-attachment.eml'));
    const claim = await claimFor(sesMessageId);
    const bounce = sesBounceRecord({ claimReference: [claim.reference], kind: ['forward'] });

    const response = await recordDeliveryEvents({ Records: [harness().queueRecord('bounce-1', snsBody(bounce))] });

    expect(response).toEqual({ batchItemFailures: [] });
    expect((await harness().claims.get(claim.reference))?.deliveryEvents).toEqual([
      { type: 'BOUNCE', at: '2017-08-05T00:41:02.669Z', detail: 'forward: Permanent/General' },
    ]);
  });

  it("drops SES's validation of the events topic with one log line, naming nothing but its kind", async () => {
    const record = harness().queueRecord('validation-1', snsEnvelope(EVENTS_TOPIC, 'Successfully validated SNS topic for Amazon SES event publishing.'));

    let response: unknown;
    const logs = await logsOf(async () => {
      response = await recordDeliveryEvents({ Records: [record] });
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(logs).toEqual({ info: [['SES setup notification dropped', { kind: 'EventDestinationValidated' }]], warn: [], error: [] });
  });

  it('puts a forwarded claim whose forward bounced for good in the review queue, once, with why', async () => {
    const { sesMessageId } = await deliver(await invoiceClaim('bill.smith@example.org', 'Claim, member number 52093817', 'bounced'));
    const forwarded = await claimFor(sesMessageId);
    expect(forwarded.status).toBe('FORWARDED');
    const bounce = snsBody(sesBounceRecord({ claimReference: [forwarded.reference], kind: ['forward'] }));

    const response = await recordDeliveryEvents({
      Records: [harness().queueRecord('bounce-1', bounce), harness().queueRecord('bounce-2', bounce)],
    });

    expect(response).toEqual({ batchItemFailures: [] });
    const claim = await harness().claims.get(forwarded.reference);
    expect(claim).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', reasons: [...forwarded.reasons, 'the forward bounced: Permanent/General'] });
    expect(claim?.statusHistory).toEqual([
      ...forwarded.statusHistory,
      { status: 'REVIEW', at: '2017-08-05T00:41:02.669Z', detail: 'the forward bounced: Permanent/General' },
    ]);
    expect(claim?.deliveryEvents).toHaveLength(2);
  });
});
