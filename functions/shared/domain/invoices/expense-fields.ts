import { numericDates, namedMonthDates, type DateOrder } from './dates.ts';
import type { InvoiceLanguage } from './labels.ts';
import { MAX_LABEL_CHARS } from './limits.ts';
import { amountMentions } from './mentions.ts';
import type { ExpenseSummary, ExpenseValue, InvoiceLine, InvoiceTotal, Money } from './types.ts';

/** A page's expense summary, with the page it was read on. */
export interface PageExpense {
  readonly page?: number;
  readonly summary: ExpenseSummary;
}

type SummaryField = keyof Omit<ExpenseSummary, 'items'>;

interface Found {
  readonly value: ExpenseValue;
  readonly page?: number;
}

/** The field as the service read it, when the pages that give it agree; otherwise the text reading decides. */
function found(pages: readonly PageExpense[], field: SummaryField): Found | undefined {
  const all = pages.flatMap(({ page, summary }) => {
    const value = summary[field];
    return value ? [{ value, ...(page ? { page } : {}) }] : [];
  });
  const [first] = all;
  return first && all.every(({ value }) => value.text === first.value.text) ? first : undefined;
}

function provenance({ value, page }: Found): { page?: number; confidence: number } {
  return { ...(page ? { page } : {}), confidence: value.confidence };
}

/** The printed amount as Money: the service's currency first, else the one the place decides. */
function moneyOf(value: ExpenseValue, country: string | undefined): Money | undefined {
  // A price the service found is trusted without decimals ("$1000"), unlike one in running text.
  const read = amountMentions(value.text, country).at(-1);
  if (!read) return undefined;
  const currency = value.currency ?? read.currency;
  return { amount: read.amount, ...(currency ? { currency } : {}) };
}

export function expenseTotal(pages: readonly PageExpense[], country: string | undefined): InvoiceTotal | undefined {
  const total = found(pages, 'total');
  const money = total && moneyOf(total.value, country);
  return total && money ? { ...money, ...provenance(total) } : undefined;
}

export function expenseInvoiceNumber(pages: readonly PageExpense[]): ({ value: string } & ReturnType<typeof provenance>) | undefined {
  const number = found(pages, 'invoiceNumber');
  return number ? { value: number.value.text.slice(0, MAX_LABEL_CHARS), ...provenance(number) } : undefined;
}

export function expenseVendorName(pages: readonly PageExpense[]): ({ name: string } & ReturnType<typeof provenance>) | undefined {
  const vendor = found(pages, 'vendorName');
  return vendor ? { name: vendor.value.text.slice(0, MAX_LABEL_CHARS), ...provenance(vendor) } : undefined;
}

/** The invoice's date as the service read it, in the document's date order: left out when that order does not decide it. */
export async function expenseInvoiceDate(
  pages: readonly PageExpense[],
  order: DateOrder | undefined,
  language: InvoiceLanguage | undefined,
): Promise<({ date: string } & ReturnType<typeof provenance>) | undefined> {
  const invoiceDate = found(pages, 'invoiceDate');
  if (!invoiceDate) return undefined;
  const text = invoiceDate.value.text;
  const dates = new Set([...numericDates(text, order), ...(await namedMonthDates(text, language))].map(({ date }) => date));
  const [date] = dates;
  return date && dates.size === 1 ? { date, ...provenance(invoiceDate) } : undefined;
}

/** The line items the service read, page after page; an item whose price does not read as an amount is left out. */
export function expenseLines(pages: readonly PageExpense[], country: string | undefined): { line: InvoiceLine; confidence: number }[] {
  return pages.flatMap(({ page, summary }) =>
    summary.items.flatMap((item) => {
      const amount = moneyOf(item.price, country);
      if (!amount) return [];
      const line: InvoiceLine = { description: item.description.text.slice(0, MAX_LABEL_CHARS), amount, ...(page ? { page } : {}) };
      return [{ line, confidence: Math.min(item.description.confidence, item.price.confidence) }];
    }),
  );
}
