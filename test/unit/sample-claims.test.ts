import { readFileSync, readdirSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import { NPI_LUHN_PREFIX, isLuhnValid, luhnCheckDigit } from '../fixtures/generator/luhn.ts';
import { buildSampleFiles } from '../fixtures/generator/sample-files.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const readFixture = (path: string) => readFileSync(new URL(path, fixtures));
const parseClaim = (fileName: string) => simpleParser(readFixture(`claims/${fileName}`));
const directory = new InMemoryMemberDirectory(parseMembersCsv(readFixture('members.csv').toString('utf8')));

async function pdfText(content: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(content));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe('sample files', () => {
  it('are what the generator makes: regenerate them after changing it', async () => {
    const generated = await buildSampleFiles();
    const committed = ['members.csv', ...['claims', 'invoices'].flatMap((folder) => readdirSync(new URL(folder, fixtures)).map((name) => `${folder}/${name}`))];
    expect([...generated.keys()].sort()).toEqual(committed.sort());
    for (const [path, content] of generated) expect(Buffer.from(content).equals(readFixture(path)), path).toBe(true);
  });
});

describe('sample invoices', () => {
  it.each([
    [
      'note-honoraires-paris.pdf',
      ['12 rue Montorgueil, 75002 Paris', 'RPPS : 10103847264', 'SIRET : 81472305200019', "N° d'adhérent : 12345678", '30,00 €', 'Total acquitté 44,26 €'],
    ],
    ['itemized-bill-boston.pdf', ['Boston, MA 02115', 'NPI: 1648293052', 'EIN: 12-3456789', 'CPT 99213', 'CPT 85025', '$185.00', 'USD 227.00']],
    ['invoice-montreal.pdf', ['Montréal (Québec) H3B 2Y5', '\nCanada\n', '150,00 $', 'Total 185,00 $']],
    ['invoice-phnom-penh.pdf', ['Phnom Penh, Cambodia', 'Tel: +855 23 555 014', 'USD 60.00', 'Total USD 89.50']],
    ['receipt-no-location.pdf', ['Amoxicillin 500 mg x 16 8.40', 'TOTAL 16.75']],
  ])('%s has a text layer with its key identifiers', async (fileName, identifiers) => {
    const text = await pdfText(readFixture(`invoices/${fileName}`));
    for (const identifier of identifiers) expect(text).toContain(identifier);
  });

  it('the receipt says nothing of where it was issued: no currency, no phone, no address', async () => {
    const text = await pdfText(readFixture('invoices/receipt-no-location.pdf'));
    expect(text).not.toMatch(/[$€£¥+]|USD|EUR|Tel|Phone|Street|rue/i);
  });

  it('prints identifiers that pass their Luhn check', () => {
    const siret = '81472305200019';
    expect(isLuhnValid(siret)).toBe(true);
    expect(isLuhnValid(siret.slice(0, 9))).toBe(true);
    expect(isLuhnValid('10103847264')).toBe(true);
    expect(isLuhnValid(`${NPI_LUHN_PREFIX}1648293052`)).toBe(true);
  });

  it('computes Luhn digits as published: the CMS example NPI 1234567893 and the classic 79927398713', () => {
    expect(luhnCheckDigit(`${NPI_LUHN_PREFIX}123456789`)).toBe('3');
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('1234567893')).toBe(false);
  });
});

interface ExpectedClaim {
  readonly from: string;
  readonly subject: string;
  /** Member the sender's address is registered to, if any. */
  readonly senderMemberId: string | undefined;
  readonly attachments: readonly (readonly [filename: string | undefined, contentType: string])[];
}

const pdfPart = (fileName: string) => [fileName, 'application/pdf'] as const;

const EXPECTED_CLAIMS: Record<string, ExpectedClaim> = {
  'fr-paris-invoice.eml': {
    from: 'marie.dupont@example.fr',
    subject: "Note d'honoraires – N° d'adhérent 12345678",
    senderMemberId: '12345678',
    attachments: [pdfPart('note-honoraires-paris.pdf')],
  },
  'en-boston-bill.eml': {
    from: 'john.carter@example.com',
    subject: 'Claim - itemized bill from Back Bay Medical Center',
    senderMemberId: '20481632',
    attachments: [pdfPart('itemized-bill-boston.pdf')],
  },
  'canada-dollar-invoice.eml': {
    from: 'lucie.bernard@example.org',
    subject: 'Demande de remboursement – adhérente CFE-004512',
    senderMemberId: 'CFE-004512',
    attachments: [pdfPart('invoice-montreal.pdf')],
  },
  'cambodia-usd-invoice.eml': {
    from: 'bill.smith@example.org',
    subject: 'Reimbursement claim - clinic visit',
    senderMemberId: '52093817',
    attachments: [pdfPart('invoice-phnom-penh.pdf')],
  },
  'mixed-us-fr.eml': {
    from: 'marie.dupont@example.fr',
    subject: 'Deux factures à rembourser',
    senderMemberId: '12345678',
    attachments: [pdfPart('itemized-bill-boston.pdf'), pdfPart('note-honoraires-paris.pdf')],
  },
  'no-location.eml': {
    from: 'jp.lefevre@example.fr',
    subject: 'Remboursement pharmacie',
    senderMemberId: '30571902',
    attachments: [pdfPart('receipt-no-location.pdf')],
  },
  'no-attachment.eml': { from: 'john.carter@example.com', subject: 'Claim for my doctor visit', senderMemberId: '20481632', attachments: [] },
  'forwarded-invoice.eml': {
    from: 'lucie.bernard@example.org',
    subject: 'TR: Votre facture – Clinique médicale Centre-Ville',
    senderMemberId: 'CFE-004512',
    attachments: [['Votre facture.eml', 'message/rfc822']],
  },
  'encoded-subject.eml': {
    from: 'marie.dupont@example.fr',
    subject: "Remboursement – N° d'adhérent 12345678 – soins à Paris",
    senderMemberId: '12345678',
    attachments: [pdfPart('note-honoraires-paris.pdf')],
  },
  'out-of-office.eml': { from: 'marie.dupont@example.fr', subject: 'Réponse automatique : absence du bureau', senderMemberId: '12345678', attachments: [] },
  'bounce.eml': {
    from: 'MAILER-DAEMON@mx.example.org',
    subject: 'Undelivered Mail Returned to Sender',
    senderMemberId: undefined,
    // mailparser folds the message/delivery-status part into the text; the original headers stay a part.
    attachments: [[undefined, 'text/rfc822-headers']],
  },
  'unknown-sender.eml': {
    from: 'anna.kowalski@example.com',
    subject: 'Invoice for reimbursement',
    senderMemberId: undefined,
    attachments: [pdfPart('invoice-phnom-penh.pdf')],
  },
};

describe('sample claim emails', () => {
  const parsed = new Map<string, ParsedMail>();
  beforeAll(async () => {
    for (const fileName of Object.keys(EXPECTED_CLAIMS)) parsed.set(fileName, await parseClaim(fileName));
  });
  const claim = (fileName: string) => parsed.get(fileName) ?? expect.unreachable(`${fileName} not parsed`);

  it('are all listed here', () => {
    expect(readdirSync(new URL('claims', fixtures)).sort()).toEqual(Object.keys(EXPECTED_CLAIMS).sort());
  });

  it.each(Object.entries(EXPECTED_CLAIMS))('%s parses to its sender, subject and attachments', async (fileName, expected) => {
    const mail = claim(fileName);
    expect(mail.to).toMatchObject({ value: [{ address: 'claims@claims.example.org' }] });
    expect(mail.from?.value.map((mailbox) => mailbox.address)).toEqual([expected.from]);
    expect(mail.subject).toBe(expected.subject);
    expect(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual(expected.attachments);
    expect((await directory.findByEmail(expected.from))?.memberId).toBe(expected.senderMemberId);
  });

  it('attach the sample invoices byte for byte', () => {
    const pdfAttachments = [...parsed].flatMap(([fileName, mail]) =>
      mail.attachments.filter((part) => part.contentType === 'application/pdf').map((attachment) => ({ fileName, attachment })),
    );
    expect(pdfAttachments).toHaveLength(9);
    for (const { fileName, attachment } of pdfAttachments) {
      expect(attachment.content.equals(readFixture(`invoices/${attachment.filename}`)), `${fileName}: ${attachment.filename}`).toBe(true);
    }
  });

  it('forwarded-invoice.eml carries the clinic email with the Montréal invoice inside', async () => {
    const [forwarded] = claim('forwarded-invoice.eml').attachments;
    const clinicMail = await simpleParser(forwarded?.content ?? Buffer.alloc(0));
    expect(clinicMail.from?.value.map((mailbox) => mailbox.address)).toEqual(['facturation@clinique-centre-ville.example.com']);
    expect(clinicMail.subject).toBe('Votre facture – Clinique médicale Centre-Ville');
    expect(clinicMail.attachments.map((attachment) => attachment.filename)).toEqual(['invoice-montreal.pdf']);
    expect(clinicMail.attachments[0]?.content.equals(readFixture('invoices/invoice-montreal.pdf'))).toBe(true);
  });

  it('encoded-subject.eml sends its subject as base64 encoded-words, other French subjects as quoted-printable', () => {
    expect(readFixture('claims/encoded-subject.eml').toString('latin1')).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(readFixture('claims/fr-paris-invoice.eml').toString('latin1')).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
  });

  it('out-of-office.eml is marked as an automatic reply to an acknowledgement', () => {
    const mail = claim('out-of-office.eml');
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.inReplyTo).toBe('<ack-20250320-0001@claims.example.org>');
  });

  it('bounce.eml is a delivery status report with a null return path', () => {
    const mail = claim('bounce.eml');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/report', params: { 'report-type': 'delivery-status' } });
    expect(readFixture('claims/bounce.eml').toString('latin1')).toMatch(/^Return-Path: <>\r$/m);
    expect(readFixture('claims/bounce.eml').toString('latin1')).toMatch(/^Content-Type: message\/delivery-status\r$/m);
    expect(mail.text).toContain('Final-Recipient: rfc822; bill.smith@example.org\nOriginal-Recipient: rfc822; bill.smith@example.org\nAction: failed\nStatus: 5.1.1');
  });

  it('no-attachment.eml promises the invoice for later', () => {
    expect(claim('no-attachment.eml').text).toContain('I will send the invoice');
  });
});
