import { sumAmounts, type InvoiceReading } from '../domain/invoices/index.ts';
import type { Block } from './blocks.ts';
import type { Messages } from './messages.ts';

function totalText(total: NonNullable<InvoiceReading['total']>, messages: Messages): string {
  const notes = [
    ...(total.summedFromLines ? [messages.invoices.summedFromLines] : []),
    ...(total.currency ? [] : [messages.invoices.currencyUnknown]),
  ];
  return `${messages.format.money(total.amount, total.currency)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** "Docteur Claire Morel – 14 March 2025 – €44.26", with what was not read said so. */
function invoiceText(invoice: InvoiceReading, messages: Messages): string {
  const words = messages.invoices;
  const dates = invoice.serviceDates.map(({ date }) => messages.format.day(date)).join(', ');
  return [
    invoice.provider?.name ?? words.providerUnknown,
    dates || words.datesUnknown,
    invoice.total ? totalText(invoice.total, messages) : words.totalUnknown,
  ].join(' – ');
}

/** The invoices' totals added up currency by currency; those whose currency was not read, apart. */
function totalsPerCurrency(invoices: readonly InvoiceReading[], messages: Messages): string[] {
  const byCurrency = new Map<string | undefined, string[]>();
  for (const { total } of invoices) if (total) byCurrency.set(total.currency, [...(byCurrency.get(total.currency) ?? []), total.amount]);
  return [...byCurrency].map(([currency, amounts]) =>
    currency ? messages.format.money(sumAmounts(amounts), currency) : `${messages.format.money(sumAmounts(amounts), undefined)} (${messages.invoices.currencyUnknown})`,
  );
}

/** For the administrator: each invoice with the document it is in, and the claim's totals. */
export function coverInvoiceBlocks(invoices: readonly InvoiceReading[] | undefined, messages: Messages): Block[] {
  if (!invoices || invoices.length === 0) return [];
  return [
    { kind: 'list', title: messages.invoices.read, items: invoices.map((invoice) => `${invoice.document}: ${invoiceText(invoice, messages)}`) },
    { kind: 'list', title: messages.invoices.totals, items: totalsPerCurrency(invoices, messages) },
  ];
}

/** For the member: each invoice in their language's formats, and a request to say if one is wrong. */
export function memberInvoiceBlocks(invoices: readonly InvoiceReading[] | undefined, messages: Messages): Block[] {
  if (!invoices || invoices.length === 0) return [];
  return [
    { kind: 'list', title: messages.invoices.readForMember, items: invoices.map((invoice) => invoiceText(invoice, messages)) },
    { kind: 'paragraph', text: messages.invoices.checkThem },
  ];
}
