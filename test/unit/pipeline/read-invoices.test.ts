import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INVOICES_PER_CLAIM, MAX_INVOICE_LINES, MAX_SERVICE_DATES, type InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { locateTreatment } from '../../../functions/shared/pipeline/locate-treatment.ts';
import { readInvoices } from '../../../functions/shared/pipeline/read-invoices.ts';
import { documentFile, intakeContext } from '../../support/contexts.ts';

/** What the member writes: the claim's place when the documents give none. */
const TREATED_IN_PHNOM_PENH = 'Please find attached my receipt from a clinic in Phnom Penh, Cambodia.\n--\nBill Smith';
const DOLLAR_RECEIPT = documentFile('receipt.txt', 'RECEIPT 88\nConsultation $40.00\nTOTAL $40.00');
const MONTREAL_INVOICE = documentFile(
  'montreal.txt',
  'Clinique du Plateau\n4100, rue Saint-Denis\nMontréal (Québec) H2W 2M5\nTél. : 514 555-0100\nFACTURE 31\nDate : 03/04/2026\nConsultation 120,00 $\nTotal 120,00 $',
);

let signed: IntakeContext;

beforeAll(async () => {
  signed = await intakeContext({ from: 'bill.smith@example.org', subject: 'Claim', text: TREATED_IN_PHNOM_PENH });
});

const invoicesOf = async (documents: IntakeContext['documents']) => (await readInvoices(locateTreatment({ ...signed, documents }))).invoices;

describe('readInvoices', () => {
  it("gives a document without a place of its own the claim's: \"$\" in Cambodia is USD", async () => {
    const [receipt] = (await invoicesOf([DOLLAR_RECEIPT])) ?? [];

    expect(receipt?.total).toEqual({ amount: '40.00', currency: 'USD', confidence: 0.9 });
  });

  it('lets a document with a place of its own decide its currency and dates: "$" in Montréal is CAD, 03/04 is 3 April', async () => {
    const [invoice] = (await invoicesOf([MONTREAL_INVOICE])) ?? [];

    expect(invoice?.total).toEqual({ amount: '120.00', currency: 'CAD', confidence: 0.9 });
    expect(invoice?.serviceDates).toEqual([{ date: '2026-04-03', confidence: 0.9 }]);
  });

  it('reads a scan page by page, with the OCR engine confidence', async () => {
    const pages = [
      { page: 1, text: 'FACTURE 12\nPharmacie du Port\nDoliprane 4,50 €', confidence: 91 },
      { page: 2, text: 'Total 4,50 €', confidence: 64 },
    ];
    const scan = documentFile('scan.pdf', pages.map((page) => page.text).join('\n'), {
      type: 'pdf',
      ocr: { engine: 'tesseract', pages, meanConfidence: 77.5, elapsedMs: 900 },
    });

    const [invoice] = (await invoicesOf([scan])) ?? [];

    expect(invoice?.lines).toEqual([{ description: 'Doliprane', amount: { amount: '4.50', currency: 'EUR' }, page: 1 }]);
    expect(invoice?.total).toEqual({ amount: '4.50', currency: 'EUR', page: 2, confidence: 0.64 });
    expect(invoice?.confidence).toBe(0.64);
  });

  it("takes the invoice fields Textract read on a scan's page, with that page", async () => {
    const expense = { total: { text: '4,80 €', confidence: 0.97 }, items: [{ description: { text: 'Doliprane', confidence: 0.95 }, price: { text: '4,80 €', confidence: 0.99 } }] };
    const pages = [
      { page: 1, text: 'FACTURE 12\nPharmacie du Port', confidence: 91 },
      { page: 2, text: 'Doliprane 4,50 €\nTotal 4,50 €', confidence: 64, expense },
    ];
    const scan = documentFile('scan.pdf', pages.map((page) => page.text).join('\n'), {
      type: 'pdf',
      ocr: { engine: 'textract', pages, meanConfidence: 77.5, elapsedMs: 900 },
    });

    const [invoice] = (await invoicesOf([scan])) ?? [];

    expect(invoice?.lines).toEqual([{ description: 'Doliprane', amount: { amount: '4.80', currency: 'EUR' }, page: 2 }]);
    expect(invoice?.total).toEqual({ amount: '4.80', currency: 'EUR', page: 2, confidence: 0.97 });
  });

  it('lists only the documents that read as invoices, and reads no document whose text was not read', async () => {
    const letter = documentFile('letter.txt', 'Dear Sir, my doctor will send the invoice.');
    const unread = documentFile('photo.jpg', '', { type: 'jpeg', textRead: false, notReadReason: 'unsupported' });

    expect((await invoicesOf([letter, unread, DOLLAR_RECEIPT]))?.map(({ document }) => document)).toEqual(['receipt.txt']);
    expect(await invoicesOf([])).toEqual([]);
  });

  it(`reads at most ${MAX_INVOICES_PER_CLAIM} invoices per claim, in the order they came`, async () => {
    const many = Array.from({ length: MAX_INVOICES_PER_CLAIM + 3 }, (_, index) => documentFile(`receipt-${index + 1}.txt`, DOLLAR_RECEIPT.text));

    const invoices = (await invoicesOf(many)) ?? [];

    expect(invoices.length).toBe(MAX_INVOICES_PER_CLAIM);
    expect(invoices.at(-1)?.document).toBe(`receipt-${MAX_INVOICES_PER_CLAIM}.txt`);
  });

  it('keeps the largest claim the limits allow far below the 400 KB of a DynamoDB item', async () => {
    const longLine = (index: number) => `${'Séance de kinésithérapie au cabinet, rééducation '.repeat(4)} ${index} 1 234,56 €`;
    const dates = Array.from({ length: MAX_SERVICE_DATES + 5 }, (_, index) => `Date de soins : ${String((index % 28) + 1).padStart(2, '0')}/${String(Math.floor(index / 28) + 1).padStart(2, '0')}/2026`);
    const text = ['Cabinet de kinésithérapie', 'Tél. : 01 00 00 00 00', 'FACTURE 1', ...dates, ...Array.from({ length: MAX_INVOICE_LINES + 20 }, (_, index) => longLine(index))].join('\n');
    const documents = Array.from({ length: MAX_INVOICES_PER_CLAIM + 10 }, (_, index) => documentFile(`statement-${index + 1}.txt`, text));

    const invoices: readonly InvoiceReading[] = (await invoicesOf(documents)) ?? [];

    expect(invoices[0]?.lines.length).toBe(MAX_INVOICE_LINES);
    expect(invoices[0]?.linesLeftOut).toBe(20);
    expect(invoices[0]?.serviceDates.length).toBe(MAX_SERVICE_DATES);
    expect(Buffer.byteLength(JSON.stringify(invoices))).toBeLessThan(200 * 1024);
  });
});
