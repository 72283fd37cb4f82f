import { describe, expect, it } from 'vitest';
import { readInvoice, type ExpenseSummary, type InvoicePage } from '../../../functions/shared/domain/invoices/index.ts';

const LETTERHEAD = [
  'Docteur Jean Martin',
  '8 avenue Jean Médecin, 06000 Nice',
  'Tél. : 04 93 00 00 00',
  "NOTE D'HONORAIRES",
  'N° 2026-1121-03 – Nice, le 21/11/2026',
  'Consultation 60,00 €',
  'Total 60,00 €',
].join('\n');

const read = (pages: InvoicePage[], country = 'FR') => readInvoice({ document: 'scan.pdf', pages, country, identifiers: [{ scheme: 'RPPS', value: '10101010101' }] });
const page = (text: string, expense?: ExpenseSummary, number = 1): InvoicePage => ({ page: number, text, confidence: 0.8, ...(expense ? { expense } : {}) });

describe("an OCR service's own invoice fields", () => {
  it("win over the text reading where it gives them, with the service's confidence: vendor, number, date, total, lines", async () => {
    const reading = await read([
      page(LETTERHEAD, {
        vendorName: { text: 'Cabinet du Dr Jean Martin', confidence: 0.93 },
        invoiceNumber: { text: '2026-1121-03B', confidence: 0.91 },
        invoiceDate: { text: '22/11/2026', confidence: 0.96 },
        total: { text: '65,00', confidence: 0.99, currency: 'EUR' },
        items: [{ description: { text: 'Consultation G', confidence: 0.9 }, price: { text: '65,00 €', confidence: 0.98 } }],
      }),
    ]);

    expect(reading?.provider).toEqual({
      name: 'Cabinet du Dr Jean Martin',
      address: '8 avenue Jean Médecin, 06000 Nice',
      identifiers: [{ scheme: 'RPPS', value: '10101010101' }],
      page: 1,
      confidence: 0.93,
      letterhead: { page: 1, firstLine: 0, lastLine: 2 },
    });
    expect(reading?.invoiceNumber).toEqual({ value: '2026-1121-03B', page: 1, confidence: 0.91 });
    expect(reading?.serviceDates).toEqual([{ date: '2026-11-22', page: 1, confidence: 0.96 }]);
    expect(reading?.total).toEqual({ amount: '65.00', currency: 'EUR', page: 1, confidence: 0.99 });
    expect(reading?.lines).toEqual([{ description: 'Consultation G', amount: { amount: '65.00', currency: 'EUR' }, page: 1 }]);
  });

  it('leave the text reading in place where they give nothing', async () => {
    const reading = await read([page(LETTERHEAD, { items: [] })]);

    expect(reading?.provider?.name).toBe('Docteur Jean Martin');
    expect(reading?.invoiceNumber).toEqual({ value: '2026-1121-03', page: 1, confidence: 0.8 });
    expect(reading?.serviceDates).toEqual([{ date: '2026-11-21', page: 1, confidence: 0.8 }]);
    expect(reading?.total).toEqual({ amount: '60.00', currency: 'EUR', page: 1, confidence: 0.8 });
    expect(reading?.lines).toEqual([{ description: 'Consultation', amount: { amount: '60.00', currency: 'EUR' }, page: 1 }]);
  });

  it('are left out when they do not read: a total with no amount, a date the place does not order', async () => {
    const expense = { total: { text: 'see over', confidence: 0.7 }, invoiceDate: { text: '03/04/2026', confidence: 0.9 }, items: [] };
    const reading = await readInvoice({ document: 'scan.pdf', pages: [page('INVOICE 7\nConsultation 40.00\nTotal 40.00', expense)], identifiers: [] });

    expect(reading?.total).toEqual({ amount: '40.00', page: 1, confidence: 0.8 });
    expect(reading?.serviceDates).toEqual([]);
  });

  it('do not outrank dates labelled as dates of service', async () => {
    const reading = await read([page(`${LETTERHEAD}\nDate des soins : 18/11/2026`, { invoiceDate: { text: '21/11/2026', confidence: 0.99 }, items: [] })]);

    expect(reading?.serviceDates).toEqual([{ date: '2026-11-18', page: 1, confidence: 0.8 }]);
  });

  it('count across pages only when the pages agree, and keep each line with its page', async () => {
    const reading = await read([
      page(LETTERHEAD, { total: { text: '60,00 €', confidence: 0.9 }, items: [{ description: { text: 'Consultation', confidence: 0.9 }, price: { text: '60,00 €', confidence: 0.9 } }] }, 1),
      page('Radiographie 30,00 €', { total: { text: '90,00 €', confidence: 0.9 }, items: [{ description: { text: 'Radiographie', confidence: 0.9 }, price: { text: '30,00 €', confidence: 0.9 } }] }, 2),
    ]);

    // Two different totals: the text reading's, the one total line printed.
    expect(reading?.total).toEqual({ amount: '60.00', currency: 'EUR', page: 1, confidence: 0.8 });
    expect(reading?.lines).toEqual([
      { description: 'Consultation', amount: { amount: '60.00', currency: 'EUR' }, page: 1 },
      { description: 'Radiographie', amount: { amount: '30.00', currency: 'EUR' }, page: 2 },
    ]);
  });
});
