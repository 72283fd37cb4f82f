import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeForward, type OutgoingAttachment } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, claimInUsa, JOHN, MEMBER_MESSAGE_ID, REFERENCE } from './summaries.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const fixture = (...parts: string[]) => readFileSync(path.resolve('test', 'fixtures', 'third-party', ...parts));
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const invoicePdf = fixture('invoices', 'invoice2data-free_fiber.pdf');
const faxPages = fixture('fax', 'sharp-g31d-multipage.tif');
const ATTACHMENTS: readonly OutgoingAttachment[] = [
  { filename: 'facture.pdf', content: invoicePdf, contentType: 'application/pdf' },
  { filename: 'fax.tif', content: faxPages, contentType: 'image/tiff' },
];

describe('composeForward to MAI', () => {
  const message = composeForward({
    summary: claimInSpain(),
    to: 'contact@medical-administrators.com',
    attachments: ATTACHMENTS,
    replyToMessageId: MEMBER_MESSAGE_ID,
  });

  it('has a French and English subject with the reference, the member number and the treatment country', () => {
    expect(message.subject).toBe(
      `Demande [${REFERENCE}] – adhérent 12345678 – pays des soins${NBSP}: ES / Claim [${REFERENCE}] – member 12345678 – treatment in ES`,
    );
    expect(message.to).toBe('contact@medical-administrators.com');
    expect(message.autoSubmitted).toBe('auto-generated');
    expect(message.inReplyTo).toBe(MEMBER_MESSAGE_ID);
    expect(message.references).toEqual([MEMBER_MESSAGE_ID]);
  });

  it('attaches the documents unchanged', () => {
    expect(message.attachments).toHaveLength(2);
    expect(message.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ['facture.pdf', 'application/pdf'],
      ['fax.tif', 'image/tiff'],
    ]);
    expect(message.attachments.map(({ content }) => sha256(content))).toEqual([sha256(invoicePdf), sha256(faxPages)]);
    expect(message.attachments[0]?.content.equals(fixture('invoices', 'invoice2data-free_fiber.pdf'))).toBe(true);
  });

  it('summarises the claim in French, then in English', () => {
    const french = [
      'Veuillez trouver ci-joint une demande de remboursement reçue par notre service, pour traitement.',
      [
        `Référence${NBSP}: ${REFERENCE}`,
        `Numéro d'adhérent${NBSP}: 12345678`,
        `Nom de l'adhérent${NBSP}: Marie Dupont`,
        `Reçue par${NBSP}: e-mail`,
        `Reçue le${NBSP}: 15 mars 2026 à 14:30 UTC+1`,
        `Pays des soins${NBSP}: Espagne (ES)`,
      ].join('\n'),
      `Éléments indiquant le lieu des soins${NBSP}:\n- Spanish tax ID (NIF): B12345674 – factura-clinica.pdf (Espagne, indice fort)`,
      `Motifs de la décision (en anglais)${NBSP}:\n- Strong evidence for ES and none for another country`,
      [
        `Documents${NBSP}:`,
        `- factura-clinica.pdf – PDF, 123,5${NARROW_NBSP}ko, texte lu`,
        `- receta.jpg – JPEG, 512${NBSP}octets, texte non lu (image without a text layer)`,
      ].join('\n'),
      'Documents originaux joints sans modification.',
    ].join('\n\n');
    const english = [
      'Please find attached a claim received by our intake service, for processing.',
      [
        `Reference: ${REFERENCE}`,
        'Member number: 12345678',
        'Member name: Marie Dupont',
        'Received by: email',
        'Received on: 15 March 2026 at 14:30 CET',
        'Treatment country: Spain (ES)',
      ].join('\n'),
      'Evidence of where treatment happened:\n- Spanish tax ID (NIF): B12345674 – factura-clinica.pdf (Spain, strong evidence)',
      'Decision:\n- Strong evidence for ES and none for another country',
      [
        'Documents:',
        '- factura-clinica.pdf – PDF, 123.5 kB, text read',
        '- receta.jpg – JPEG, 512 bytes, text not read (image without a text layer)',
      ].join('\n'),
      'Original documents attached unchanged.',
    ].join('\n\n');

    expect(message.text).toBe(`${french}\n\n--------------------\n\n${english}\n`);
  });
});

describe('composeForward to Cigna in the USA', () => {
  it('is in English only, with the reference and the member number in the subject', () => {
    const message = composeForward({ summary: claimInUsa(), to: 'Ice.Team@Cigna.com', attachments: ATTACHMENTS });

    expect(message.subject).toBe(`Claim [${REFERENCE}] – member 87654321 – treatment in US`);
    expect(message.text).toContain('Member name: John Smith');
    expect(message.text).toContain('Treatment country: United States (US)');
    expect(message.text).toContain('- itemized-bill.pdf – PDF, 2.5 MB, text read');
    expect(message.text).not.toContain('Référence');
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).not.toContain('lang="fr"');
    expect(message.inReplyTo).toBeUndefined();
    expect(message.references).toBeUndefined();
  });

  it('shows the fax details when the claim came by fax', () => {
    const message = composeForward({
      summary: claimInUsa({ channel: 'fax', fax: { callerNumber: '+12125550143', remoteStationId: 'MERCY CLINIC', pages: 3 } }),
      to: 'Ice.Team@Cigna.com',
      attachments: ATTACHMENTS,
    });

    expect(message.text).toContain(
      'Received by: fax\nReceived on: 15 March 2026 at 14:30 CET\nTreatment country: United States (US)\nFax caller number: +12125550143\nFax station ID: MERCY CLINIC\nFax pages: 3',
    );
  });
});

describe('composeForward with unknown or hostile values', () => {
  it('says what is unknown rather than leaving it out', () => {
    const message = composeForward({
      summary: claimInSpain({ member: undefined, route: null, treatmentCountry: null, evidence: [], reasons: [] }),
      to: 'claims-review@example.net',
      attachments: [],
    });

    expect(message.subject).toBe(`Claim [${REFERENCE}] – member unknown – treatment country undetermined`);
    expect(message.text).toContain('Member number: unknown\nMember name: unknown');
    expect(message.text).toContain('Treatment country: unknown');
    expect(message.text).toContain('Evidence of where treatment happened:\n- none\n\nDecision:\n- none');
  });

  it('escapes file names and reasons in the HTML and keeps the subject on one line', () => {
    const message = composeForward({
      summary: claimInUsa({
        member: { ...JOHN, memberId: '87654321\r\nBcc: attacker@example.net' },
        evidence: [{ country: 'US', strength: 'medium', reason: 'Phone & fax: (510) 555-0100', source: '<script>.pdf' }],
        documents: [{ filename: '<script>.pdf', type: 'pdf', size: 999, sha256: 'e'.repeat(64), textRead: false }],
      }),
      to: 'Ice.Team@Cigna.com',
      attachments: [],
    });

    expect(message.subject).toBe(`Claim [${REFERENCE}] – member 87654321 Bcc: attacker@example.net – treatment in US`);
    expect(message.html).toContain(
      '<li>Phone &amp; fax: (510) 555-0100 – &lt;script&gt;.pdf (United States, medium evidence)</li>',
    );
    expect(message.html).toContain('<li>&lt;script&gt;.pdf – PDF, 999 bytes, text not read</li>');
    expect(message.html).not.toContain('<script>');
  });
});
