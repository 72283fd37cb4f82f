import { readFile } from 'node:fs/promises';
import type { AnalyzeExpenseCommandOutput } from '@aws-sdk/client-textract';
import { describe, expect, it } from 'vitest';
import { expenseSummary } from '../../../functions/shared/adapters/ocr/expense-summary.ts';
import { expensePageText } from '../../../functions/shared/adapters/ocr/expense-text.ts';
import { extractPdfText } from '../../../functions/shared/domain/documents/pdf-text.ts';
import { providerIdentifiers, readInvoice, sumAmounts, type InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import { collectLocationEvidence, decideTreatmentLocation } from '../../../functions/shared/domain/location/index.ts';

const SAMPLES = new URL('../../fixtures/invoices/', import.meta.url);
const THIRD_PARTY = new URL('../../fixtures/third-party/invoices/', import.meta.url);

/** Reads a PDF as the intake does: its text layer, the place its own evidence gives. */
async function readPdf(folder: URL, name: string): Promise<InvoiceReading | undefined> {
  const text = await extractPdfText(await readFile(new URL(name, folder)));
  const evidence = collectLocationEvidence([{ source: name, text }]);
  const country = decideTreatmentLocation(evidence).country ?? undefined;
  return readInvoice({ document: name, pages: [{ text, confidence: 0.9 }], ...(country ? { country } : {}), identifiers: providerIdentifiers(evidence) });
}

describe('the sample invoices', () => {
  it.each([
    ['note-honoraires-paris.pdf', { amount: '44.26', currency: 'EUR' }, ['2025-03-14'], 'Docteur Claire Morel'],
    ['invoice-montreal.pdf', { amount: '185.00', currency: 'CAD' }, ['2025-03-12'], 'Clinique médicale Centre-Ville'],
    ['invoice-phnom-penh.pdf', { amount: '89.50', currency: 'USD' }, ['2025-03-18'], 'Mekong International Clinic'],
    ['itemized-bill-boston.pdf', { amount: '227.00', currency: 'USD' }, ['2025-03-14'], 'Back Bay Medical Center'],
  ])('%s: total, dates of service and provider as printed', async (name, total, dates, provider) => {
    const reading = await readPdf(SAMPLES, name);

    expect(reading?.total).toEqual({ ...total, confidence: 0.9 });
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(dates);
    expect(reading?.provider?.name).toBe(provider);
  });

  it('gives the Paris doctor the identifiers the place evidence checked, and the lines as printed', async () => {
    const reading = await readPdf(SAMPLES, 'note-honoraires-paris.pdf');

    expect(reading?.provider?.identifiers).toEqual([{ scheme: 'SIRET', value: '81472305200019' }, { scheme: 'RPPS', value: '10103847264' }]);
    expect(reading?.lines).toEqual([
      { description: 'Consultation de médecine générale (G)', amount: { amount: '30.00', currency: 'EUR' } },
      { description: 'Électrocardiogramme (CCAM DEQP003)', amount: { amount: '14.26', currency: 'EUR' } },
    ]);
    expect(reading?.paid).toEqual({ amount: '44.26', currency: 'EUR', confidence: 0.9 });
  });

  it('reads the receipt with no place: its total, with no currency, since none is written', async () => {
    const reading = await readPdf(SAMPLES, 'receipt-no-location.pdf');

    expect(reading).toMatchObject({ kind: 'receipt', invoiceNumber: { value: '004817' }, total: { amount: '16.75' } });
    expect(reading?.total?.currency).toBeUndefined();
    expect(reading?.lines.map(({ amount }) => amount.amount)).toEqual(['8.40', '3.10', '5.25']);
  });
});

interface ExpectedInvoice {
  readonly amount: number;
  readonly currency: string;
  readonly invoice_number: string | number;
}

describe('the real invoices of invoice2data', () => {
  it.each([
    ['invoice2data-AzureInterior', true],
    ['invoice2data-NetpresseInvoice', true],
    ['invoice2data-QualityHosting', false],
    ['invoice2data-coolblue1', false],
    ['invoice2data-free_fiber', true],
  ])('%s: the total a person reads on it', async (name, numberOnItsLabel) => {
    const [expected] = JSON.parse(await readFile(new URL(`${name}.expected.json`, THIRD_PARTY), 'utf8')) as ExpectedInvoice[];
    const reading = await readPdf(THIRD_PARTY, `${name}.pdf`);

    expect(reading?.total).toMatchObject({ amount: expected?.amount.toFixed(2), currency: expected?.currency });
    expect(reading?.total?.summedFromLines).toBeUndefined();
    // Numbers printed away from their label ("993548900Factuurnummer:") are left out, not guessed.
    expect(reading?.invoiceNumber?.value).toBe(numberOnItsLabel ? String(expected?.invoice_number) : undefined);
  });
});

describe("the Textract sample, AWS's own AnalyzeExpense answer as the reference", () => {
  it('reads on the text the Textract engine makes of it the total, number and date AnalyzeExpense found', async () => {
    const response = JSON.parse(await readFile(new URL('textract-default-invoice-1.analyze-expense.json', THIRD_PARTY), 'utf8')) as AnalyzeExpenseCommandOutput;
    const summary = (type: string) => response.ExpenseDocuments?.[0]?.SummaryFields?.find((field) => field.Type?.Text === type)?.ValueDetection?.Text;
    const page = expensePageText(response);
    const evidence = collectLocationEvidence([{ source: 'textract-default-invoice-1.png', text: page.text }]);
    const country = decideTreatmentLocation(evidence).country ?? undefined;

    const reading = await readInvoice({ document: 'textract-default-invoice-1.png', pages: [{ page: 1, text: page.text, confidence: page.confidence / 100 }], ...(country ? { country } : {}), identifiers: [] });

    expect(summary('TOTAL')).toBe('$6231.09');
    // Its place is made up ("Some City, XYZ, USA"): nothing decides what "$" is, and AnalyzeExpense gives no currency either.
    expect(country).toBeUndefined();
    expect(response.ExpenseDocuments?.[0]?.SummaryFields?.find((field) => field.Type?.Text === 'TOTAL')?.Currency).toBeUndefined();
    expect(reading?.total).toEqual({ amount: '6231.09', page: 1, confidence: page.confidence / 100 });
    expect(reading?.invoiceNumber?.value).toBe(summary('INVOICE_RECEIPT_ID'));
    expect(summary('INVOICE_RECEIPT_DATE')).toBe('01-Jan-2021');
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(['2021-01-01']);
    // "$1000" among amounts with cents may be "$10.00" with its point lost: left out, not read.
    expect(reading?.lines.map(({ amount }) => amount.amount)).toEqual(['212.08', '2168.32']);
  });

  it("takes AnalyzeExpense's own fields as the invoice's values: the total, date, number and the four lines a person reads", async () => {
    const response = JSON.parse(await readFile(new URL('textract-default-invoice-1.analyze-expense.json', THIRD_PARTY), 'utf8')) as AnalyzeExpenseCommandOutput;
    const page = expensePageText(response);
    const expense = expenseSummary(response);

    const reading = await readInvoice({ document: 'textract-default-invoice-1.png', pages: [{ page: 1, text: page.text, confidence: page.confidence / 100, ...(expense ? { expense } : {}) }], identifiers: [] });

    expect(reading?.total).toEqual({ amount: '6231.09', page: 1, confidence: 0.9999756622314453 });
    expect(reading?.serviceDates).toEqual([{ date: '2021-01-01', page: 1, confidence: 0.9997048187255859 }]);
    expect(reading?.invoiceNumber).toEqual({ value: '123PQR456', page: 1, confidence: 0.9964569854736328 });
    // "$1000" and "$2789" are prices Textract found in the table: kept, unlike in running text.
    expect(reading?.lines).toEqual([
      { description: 'Product 1', amount: { amount: '1000.00' }, page: 1 },
      { description: 'Service 3', amount: { amount: '2789.00' }, page: 1 },
      { description: 'Product 2', amount: { amount: '212.08' }, page: 1 },
      { description: 'Product 3', amount: { amount: '2168.32' }, page: 1 },
    ]);
    expect(sumAmounts(reading?.lines.map(({ amount }) => amount.amount) ?? [])).toBe('6169.40');
    // The "Amazon.com" logo is no VENDOR_NAME in AWS's answer, and no letterhead in its text: the provider is left out, not guessed.
    expect(reading?.provider).toBeUndefined();
  });
});
