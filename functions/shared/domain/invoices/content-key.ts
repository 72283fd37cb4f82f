import { createHash } from 'node:crypto';
import { withoutAccents } from '../text-folding.ts';
import type { InvoiceReading } from './types.ts';

/** "Clinique du Parc", "CLINIQUE  DU PARC": one provider however the scan wrote it. */
const folded = (name: string): string => withoutAccents(name).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What makes two readings the same invoice whatever the scan, photo or rescan: the provider's
 * name (case, accents and spacing aside), the first date of service and the total with its
 * currency; undefined when one of them was not read. Hashed: the table keeps no amount or date.
 */
export function invoiceContentKey(invoice: InvoiceReading): string | undefined {
  const provider = invoice.provider?.name;
  const date = invoice.serviceDates[0]?.date;
  const { total } = invoice;
  if (!provider || !date || !total?.currency) return undefined;
  return createHash('sha256')
    .update(JSON.stringify([folded(provider), date, total.amount, total.currency]))
    .digest('hex');
}
