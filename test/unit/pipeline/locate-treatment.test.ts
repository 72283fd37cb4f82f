import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import type { DocumentFile } from '../../../functions/shared/domain/types.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { locateTreatment, weighClaimDocuments } from '../../../functions/shared/pipeline/locate-treatment.ts';
import { documentFile, intakeContext } from '../../support/contexts.ts';

/** The member says where they were treated; their signature says where they live, which is no evidence. */
const TREATED_IN_PHNOM_PENH =
  'Please find my bill attached, from a clinic in Phnom Penh, Cambodia (+855 23 123 456).\n\nBest regards,\nBill Smith\n4100 Main Street\nDallas, TX 75201\nTel: +1 214 555 0100';

const BOSTON_BILL = documentFile(
  'bill.txt',
  'Back Bay Medical Center\n55 Fruit Street\nBoston, MA 02114\nNPI 1648293052\nPatient: William Smith',
);
const TILL_RECEIPT = documentFile('receipt.txt', 'Pharmacy receipt\nItem 1  12.00\nTotal 12.00');
const USD_RECEIPT = documentFile('receipt.txt', 'Pharmacy receipt\nItem 1  12.00\nTotal 12.00 USD');
const CAMBODIA_EVIDENCE = [
  { country: 'KH', strength: 'medium', reason: 'phone number with country code +855 (KH)', source: 'body' },
  { country: 'KH', strength: 'medium', reason: 'place name Phnom Penh (KH)', source: 'body' },
  { country: 'KH', strength: 'medium', reason: 'place name Cambodia (KH)', source: 'body' },
] as const;

let signed: IntakeContext;

beforeAll(async () => {
  signed = await intakeContext({ from: 'bill.smith@example.org', subject: 'Claim', text: TREATED_IN_PHNOM_PENH });
});

const located = (documents: readonly DocumentFile[]) => locateTreatment({ ...signed, documents }).location;

describe('locateTreatment', () => {
  it("lets the documents decide over the sender's signature", () => {
    expect(located([BOSTON_BILL])).toEqual({
      country: 'US',
      route: 'CIGNA_US',
      evidence: [
        { country: 'US', strength: 'strong', reason: 'US state and ZIP code MA 02114 (US)', source: 'bill.txt' },
        { country: 'US', strength: 'strong', reason: 'valid NPI 1648293052 (US)', source: 'bill.txt' },
        { country: 'US', strength: 'medium', reason: 'place name Boston (US)', source: 'bill.txt' },
      ],
      reasons: [
        'treatment location US, routed to CIGNA_US',
        'bill.txt: US state and ZIP code MA 02114 (US)',
        'bill.txt: valid NPI 1648293052 (US)',
        'bill.txt: place name Boston (US)',
      ],
    });
  });

  it('reads the message text when the documents say nothing', () => {
    expect(located([TILL_RECEIPT])).toEqual({
      country: 'KH',
      route: 'MAI',
      evidence: CAMBODIA_EVIDENCE,
      reasons: [
        'treatment location KH, routed to MAI',
        'body: phone number with country code +855 (KH)',
        'body: place name Phnom Penh (KH)',
        'body: place name Cambodia (KH)',
      ],
    });
  });

  it('reads the message text too when the documents only hold weak evidence, and keeps both', () => {
    expect(located([USD_RECEIPT])).toEqual({
      country: 'KH',
      route: 'MAI',
      evidence: [{ country: 'US', strength: 'weak', reason: 'amounts in USD (US)', source: 'receipt.txt' }, ...CAMBODIA_EVIDENCE],
      reasons: [
        'treatment location KH, routed to MAI',
        'body: phone number with country code +855 (KH)',
        'body: place name Phnom Penh (KH)',
        'body: place name Cambodia (KH)',
        'also found, not retained: receipt.txt: amounts in USD (US)',
      ],
    });
  });

  it('does not read a document whose text was not read', () => {
    const scan = documentFile('bill.tif', '', { content: Buffer.from('II*\u0000'), type: 'tiff', textRead: false, notReadReason: 'image' });
    expect(located([scan])?.evidence).toEqual(CAMBODIA_EVIDENCE);
  });

  it("does not take the member's signature for the place of treatment, after a closing or a \"-- \" line", async () => {
    for (const text of [
      'Please find my receipt attached.\n--\nBill Smith\nPhnom Penh, Cambodia\nTel: +855 23 123 456',
      'Bonjour,\n\nCi-joint le ticket.\n\nCordialement,\nBill Smith\n12 rue Montorgueil, 75002 Paris',
    ]) {
      const onlySigned = await intakeContext({ from: 'bill.smith@example.org', subject: 'Claim', text });
      expect(locateTreatment({ ...onlySigned, documents: [TILL_RECEIPT] }).location?.evidence).toEqual([]);
    }
  });

  it("hears a clinic's signature in a message the member forwarded below their own", async () => {
    const text = 'See below.\n\nThanks,\nBill Smith\nDallas, TX 75201\n\n---------- Forwarded message ---------\nYour bill is attached.\nSunrise Clinic, Phnom Penh, Cambodia';
    const forwarding = await intakeContext({ from: 'bill.smith@example.org', subject: 'Claim', text });
    expect(locateTreatment({ ...forwarding, documents: [TILL_RECEIPT] }).location).toMatchObject({
      country: 'KH',
      evidence: [
        { country: 'KH', strength: 'medium', reason: 'place name Phnom Penh (KH)', source: 'body' },
        { country: 'KH', strength: 'medium', reason: 'place name Cambodia (KH)', source: 'body' },
      ],
    });
  });

  it('leaves the route open when nothing says where the treatment took place', async () => {
    const unsigned = await intakeContext({ subject: 'Remboursement', text: 'Bonjour, ci-joint le ticket.' });
    expect(locateTreatment({ ...unsigned, documents: [TILL_RECEIPT] }).location).toEqual({
      country: null,
      route: null,
      evidence: [],
      reasons: ['no evidence of where the treatment took place'],
    });
  });

  it('weighs again once the invoices are read: what only a document that is no invoice says is weak, and the message is heard', () => {
    const brochure = documentFile('brochure.txt', 'Boston Wellness Week\nBack Bay Medical Center\n55 Fruit Street\nBoston, MA 02114');
    const located = locateTreatment({ ...signed, documents: [brochure, TILL_RECEIPT] });
    expect(located.location?.route).toBe('CIGNA_US');
    const receiptRead: InvoiceReading = { document: 'receipt.txt', kind: 'receipt', serviceDates: [], lines: [], confidence: 0.9 };

    expect(weighClaimDocuments({ ...located, invoices: [receiptRead] }).location).toEqual({
      country: 'KH',
      route: 'MAI',
      evidence: [
        { country: 'US', strength: 'weak', reason: 'US state and ZIP code MA 02114 (US), in a document that does not read as an invoice, receipt or statement', source: 'brochure.txt' },
        { country: 'US', strength: 'weak', reason: 'place name Boston (US), in a document that does not read as an invoice, receipt or statement', source: 'brochure.txt' },
        ...CAMBODIA_EVIDENCE,
      ],
      reasons: [
        'treatment location KH, routed to MAI',
        'body: phone number with country code +855 (KH)',
        'body: place name Phnom Penh (KH)',
        'body: place name Cambodia (KH)',
        'also found, not retained: brochure.txt: US state and ZIP code MA 02114 (US), in a document that does not read as an invoice, receipt or statement; brochure.txt: place name Boston (US), in a document that does not read as an invoice, receipt or statement',
      ],
    });
  });

  it("lets the letterhead of a scanned bill decide, read on the OCR page the invoice reading found it on", () => {
    const cover = 'Dossier de remboursement';
    const bill = ['Clinique du Parc', '155 boulevard de Stalingrad', '69006 Lyon', 'Tél. : 04 72 83 00 00', 'FACTURE', 'Mr John Carter', '4100 Main Street', 'Dallas, TX 75201', 'Total TTC 80,00 €'].join('\n');
    const ocr = {
      engine: 'tesseract' as const,
      pages: [{ page: 1, text: cover, confidence: 90 }, { page: 2, text: bill, confidence: 90 }],
      meanConfidence: 90,
      elapsedMs: 400,
    };
    const scan = documentFile('scan.pdf', `${cover}\n\n${bill}`, { ocr });
    const located = locateTreatment({ ...signed, documents: [scan] });
    expect(located.location?.reasons[0]).toBe('conflicting evidence within scan.pdf (US and FR equally supported)');
    const billRead: InvoiceReading = {
      document: 'scan.pdf',
      kind: 'invoice',
      provider: { name: 'Clinique du Parc', identifiers: [], page: 2, confidence: 0.9, letterhead: { page: 2, firstLine: 0, lastLine: 3 } },
      serviceDates: [],
      lines: [],
      confidence: 0.9,
    };

    expect(weighClaimDocuments({ ...located, invoices: [billRead] }).location?.reasons.slice(0, 2)).toEqual([
      'treatment location FR, routed to MAI',
      "the provider's address on scan.pdf (Clinique du Parc) is in FR; other addresses in it (US) are not where the treatment took place",
    ]);
  });

  it('weighs again only after the invoices were read', () => {
    expect(() => weighClaimDocuments(locateTreatment({ ...signed, documents: [TILL_RECEIPT] }))).toThrow('Intake step ran before knowing the invoices');
  });

  it('refuses to run before the documents were read', () => {
    expect(() => locateTreatment({ ...signed, documents: undefined })).toThrow('Intake step ran before knowing the documents');
  });
});
