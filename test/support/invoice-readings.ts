import type { InvoiceReading } from '../../functions/shared/domain/invoices/index.ts';

/** Bill's Phnom Penh invoice as a reader gives it, from whichever file, with these fields read otherwise. */
export const mekongInvoice = (document: string, changes: Partial<InvoiceReading> = {}): InvoiceReading => ({
  document,
  kind: 'invoice',
  provider: { name: 'Mekong International Clinic', identifiers: [], confidence: 0.9 },
  serviceDates: [{ date: '2025-03-18', confidence: 0.9 }],
  lines: [],
  total: { amount: '89.50', currency: 'USD', confidence: 0.9 },
  confidence: 0.9,
  ...changes,
});
