/** What invoices, receipts and statements say: provider, dates of service, lines, total, amount paid. */
export { readInvoice, type InvoicePage, type InvoiceSource } from './read-invoice.ts';
export { isProviderIdentifierEvidence, providerIdentifiers } from './provider.ts';
export { sumAmounts } from './amount.ts';
export { isIsoCurrency } from './currency.ts';
export { invoiceContentKey } from './content-key.ts';
export { MAX_INVOICE_LINES, MAX_INVOICES_PER_CLAIM, MAX_SERVICE_DATES, TEXT_LAYER_CONFIDENCE } from './limits.ts';
export type * from './types.ts';
