import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../functions/shared/domain/documents/index.ts';
import { searchMemberNumbers } from '../../functions/shared/domain/member-number.ts';
import type { TextSource } from '../../functions/shared/domain/types.ts';

/** Every candidate, labelled first, as the member's identification asks for them. */
function findMemberNumberCandidates(sources: readonly TextSource[]) {
  const search = searchMemberNumbers(sources);
  return [...search.labelled, ...search.unlabelled()];
}

const inBody = (text: string) => findMemberNumberCandidates([{ source: 'body', text }]);
const values = (text: string) => inBody(text).map(({ value, labelled }) => (labelled ? `${value} (labelled)` : value));

describe('searchMemberNumbers', () => {
  it.each([
    ["N° d'adhérent : 12345678", '12345678'],
    ["Numéro d'adhérent: 12345678", '12345678'],
    ["NUMERO D’ADHERENT 12345678", '12345678'],
    ['n° adhérent 12345678', '12345678'],
    ['Nº adhérent : 12345678', '12345678'],
    ['Adhérent(e) n° : 12345678', '12345678'],
    ["Mon numéro d'adhérent est le 12345678.", '12345678'],
    ['N° de certificat : 12345678', '12345678'],
    ['Certificat 12345678', '12345678'],
    ['N° de police : 12345678', '12345678'],
    ['Police n° 12345678', '12345678'],
    ['Numéro de contrat : 12345678', '12345678'],
    ['Matricule CFE : 12345678', '12345678'],
    ['N° CFE 12345678', '12345678'],
    ['Identifiant adhérent : 12345678', '12345678'],
    ['Numéro de membre : 12345678', '12345678'],
  ])('reads the French label in %j', (text, expected) => {
    expect(inBody(text)).toEqual([{ value: expected, source: 'body', labelled: true }]);
  });

  it.each([
    ['Member ID: 20481632', '20481632'],
    ['member number 20481632', '20481632'],
    ['Membership No. 20481632', '20481632'],
    ['Member # 20481632', '20481632'],
    ['My member number is 20481632', '20481632'],
    ['Certificate number: 20481632', '20481632'],
    ['Certificate No 20481632', '20481632'],
    ['Policy Number:\n20481632', '20481632'],
    ['policy no. 20481632', '20481632'],
    ['Cigna ID: 20481632', '20481632'],
    ['Cigna member ID 20481632', '20481632'],
  ])('reads the English label in %j', (text, expected) => {
    expect(inBody(text)).toEqual([{ value: expected, source: 'body', labelled: true }]);
  });

  it('reads the label of an encoded-word subject once the parser has decoded it', async () => {
    const encodedSubject = Buffer.from("Remboursement – N° d'adhérent 12345678").toString('base64');
    const mail = await simpleParser(`From: marie.dupont@example.fr\r\nSubject: =?UTF-8?B?${encodedSubject}?=\r\n\r\nBonjour\r\n`);

    expect(mail.subject).toBe("Remboursement – N° d'adhérent 12345678");
    expect(findMemberNumberCandidates([{ source: 'subject', text: mail.subject ?? '' }])).toEqual([
      { value: '12345678', source: 'subject', labelled: true },
    ]);
  });

  it.each([
    ['Adhérent : FR-CFE-004512', ['FR-CFE-004512 (labelled)']],
    ['Member ID: a1234567.', ['A1234567 (labelled)']],
    ['Veuillez trouver ma facture (adhérente CFE-004512).', ['CFE-004512 (labelled)']],
    ['Dossier A1234567, merci', ['A1234567']],
    ['Consultation -CFE-123456-', ['CFE-123456']],
  ])('keeps letter prefixes and inner hyphens in %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['dates', 'Consultation du 14/03/2025, facture du 2025-03-18, soins du 01.02.25'],
    ['international phone numbers', 'Tél. +33 1 42 68 06 90, WhatsApp +855 23 555 014, +12125550100'],
    ['phone numbers after a label', 'Tél : 01 42 33 18 27, Fax 0142331828, Phone: 617 555 0142'],
    ['US phone numbers', 'Call (617) 555-0142 or 617-555-0199, fax (870)-931-0505'],
    ['amounts', 'Total 1 234,56 €, balance USD 227.00, $185.00, 123456,78 EUR, 150000 €'],
    ['postcodes', '75002 Paris, Boston, MA 02115-1234'],
    ['provider and bank identifiers', 'SIRET : 814 723 052 00019, SIRET 81472305200019, NPI: 1648293052, RPPS 10103847264, EIN: 12-3456789'],
    ['IBANs', 'IBAN : FR76 3000 6000 0112 3456 7890 189'],
    ['addresses and links', 'Écrivez à dupont12345678@example.fr ou voyez https://example.fr/claims/12345678'],
    ['labels without a number', "Nom de l'adhérent : DUPONT Marie ; certificat médical joint"],
  ])('finds nothing in %s', (_label, text) => {
    expect(inBody(text)).toEqual([]);
  });

  it('puts labelled numbers first, then the others in the order of the sources, each value once', () => {
    const candidates = findMemberNumberCandidates([
      { source: 'subject', text: 'Facture 2025031407' },
      { source: 'body', text: 'Bonjour, voici la facture 2025031407 de mon fils, dossier 99887766.' },
      { source: 'note.pdf', text: "Patient : Marie Dupont\nN° d'adhérent : 12345678\nRéf. 99887766" },
      { source: 'scan.txt', text: 'Member ID 12345678' },
    ]);

    expect(candidates).toEqual([
      { value: '12345678', source: 'note.pdf', labelled: true },
      { value: '2025031407', source: 'subject', labelled: false },
      { value: '99887766', source: 'body', labelled: false },
    ]);
  });

  it('leaves out of the unlabelled numbers a value already labelled elsewhere', () => {
    const search = searchMemberNumbers([
      { source: 'subject', text: 'Dossier 12345678' },
      { source: 'body', text: "N° d'adhérent : 12345678, facture 2025031407" },
    ]);

    expect(search.labelled).toEqual([{ value: '12345678', source: 'body', labelled: true }]);
    expect(search.unlabelled()).toEqual([{ value: '2025031407', source: 'body', labelled: false }]);
  });

  it('keeps the first twenty candidates, each costing a directory lookup', () => {
    const numbers = Array.from({ length: 30 }, (_, index) => String(10_000_000 + index * 1_111));
    const text = `Member ID: ${numbers[25]}\n${numbers.join('\n')}`;
    const candidates = inBody(text);

    expect(candidates).toHaveLength(20);
    expect(candidates[0]).toEqual({ value: numbers[25], source: 'body', labelled: true });
    expect(candidates.slice(1).map(({ value }) => value)).toEqual(numbers.slice(0, 19));
  });

  it('leaves out the phone number and the bank account of a real US invoice', async () => {
    const invoice = readFileSync(new URL('../fixtures/third-party/invoices/invoice2data-AzureInterior.pdf', import.meta.url));
    const text = await extractPdfText(invoice);

    expect(text).toContain('(870)-931-0505');
    expect(text).toContain('Bank Account: US1234567890');
    expect(inBody(text).map(({ value }) => value)).toEqual(['17589684', '987123', '202309097001']);
  });

  it('reads the contract number of a real German invoice as labelled', async () => {
    const invoice = readFileSync(new URL('../fixtures/third-party/invoices/invoice2data-QualityHosting.pdf', import.meta.url));

    expect(values(await extractPdfText(invoice))).toEqual(['CON02858 (labelled)', 'D-63571', '30064443']);
  });
});
