import type { InvoiceContent } from '../../test/fixtures/generator/invoice-pdf.ts';

/**
 * The same invoice issued `index` seconds later: the same text, so the same decision, but other
 * bytes (the PDF's dates), so the intake never takes it for a document it already has.
 */
export function invoiceVariant(invoice: InvoiceContent, index: number): InvoiceContent {
  return { ...invoice, issuedAt: new Date(invoice.issuedAt.getTime() + index * 1000) };
}
