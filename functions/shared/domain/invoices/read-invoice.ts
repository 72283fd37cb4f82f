import { sumAmounts } from './amount.ts';
import { minorDigits } from './currency.ts';
import { dateOrder, namedMonthDates, numericDates, type DateMention, type DateOrder } from './dates.ts';
import {
  DOCUMENT_DATE_LABEL,
  FINAL_TOTAL_LABEL,
  invoiceKind,
  invoiceLanguage,
  NOT_SERVICE_DATE_LABEL,
  PAID_LABEL,
  PAID_STATEMENT,
  PARTIAL_TOTAL_LABEL,
  SERVICE_DATE_LABEL,
  TAX_LABEL,
  titledKind,
  TOTAL_LABEL,
  type InvoiceLanguage,
} from './labels.ts';
import { expenseInvoiceDate, expenseInvoiceNumber, expenseLines, expenseTotal, expenseVendorName, type PageExpense } from './expense-fields.ts';
import { CORRECTED_AMOUNT_FACTOR, MAX_INVOICE_LINES, MAX_INVOICE_TEXT_CHARS, MAX_INVOICE_TEXT_LINES, MAX_LABEL_CHARS, MAX_LINE_CHARS, MAX_SERVICE_DATES } from './limits.ts';
import { amountMentions, type AmountMention } from './mentions.ts';
import { invoiceNumber, readProvider } from './provider.ts';
import type { ExpenseSummary, InvoiceLine, InvoiceProvider, InvoiceReading, InvoiceTotal, Money, ProviderIdentifier } from './types.ts';

/** A page of text and how sure its reading is (OCR's confidence, or the text layer's). */
export interface InvoicePage {
  /** 1-based, when the text was read page by page. */
  readonly page?: number;
  readonly text: string;
  /** 0 to 1. */
  readonly confidence: number;
  /** The invoice's own fields as the OCR service read them on this page: where it gives one, it wins. */
  readonly expense?: ExpenseSummary;
}

export interface InvoiceSource {
  readonly document: string;
  readonly pages: readonly InvoicePage[];
  /** ISO alpha-2 of where the document was written, when the place evidence says. */
  readonly country?: string;
  /** Provider identifiers the place evidence checked on this document. */
  readonly identifiers: readonly ProviderIdentifier[];
}

interface ReadLine {
  readonly text: string;
  /** 0-based line of its page's text. */
  readonly index: number;
  readonly page?: number;
  readonly confidence: number;
  readonly amounts: readonly AmountMention[];
  readonly dates: readonly DateMention[];
  /** The words that say what the line's dates are: its own, or the label line above a bare value. */
  readonly labels: string;
}

/** Reads a document as an invoice, receipt or statement; undefined when it does not read as one. */
export async function readInvoice(source: InvoiceSource): Promise<InvoiceReading | undefined> {
  const text = source.pages.map((page) => page.text).join('\n').slice(0, MAX_INVOICE_TEXT_CHARS);
  const kind = invoiceKind(text);
  if (!kind) return undefined;
  const language = invoiceLanguage(text);
  const order = dateOrder(source.country, language);
  const lines = await readLines(source, order, language);
  const amounts = trustedAmounts(lines);
  const expenses = source.pages.flatMap(({ page, expense }): PageExpense[] => (expense ? [{ ...(page ? { page } : {}), summary: expense }] : []));

  const itemized = lines.flatMap((line) => {
    const item = itemOf(line, amounts);
    return item ? [{ line: item, confidence: line.confidence, read: line }] : [];
  });
  const itemLines = new Set(itemized.map(({ read }) => read));
  const listed = expenseLines(expenses, source.country);
  const items = listed.length > 0 ? listed : itemized;
  const total = expenseTotal(expenses, source.country) ?? printedTotal(lines, amounts) ?? summedTotal(items);
  const titleIndex = lines.findIndex((line) => titledKind(line.text) !== undefined);
  const first = lines[0];
  const provider = withVendorName(
    readProvider(lines.slice(0, Math.max(titleIndex, 0)), source.identifiers, {
      ...(first?.page ? { page: first.page } : {}),
      confidence: first?.confidence ?? 0,
    }),
    expenseVendorName(expenses),
    source.identifiers,
  );
  const numbered = lines.map((line) => ({ line, number: invoiceNumber(line.text) })).find(({ number }) => number !== undefined);
  const number = expenseInvoiceNumber(expenses) ?? (numbered?.number ? { value: numbered.number, ...provenance(numbered.line) } : undefined);
  const invoiceDate = await expenseInvoiceDate(expenses, order, language);
  return {
    document: source.document,
    kind,
    ...(provider ? { provider } : {}),
    ...(number ? { invoiceNumber: number } : {}),
    serviceDates: serviceDates(lines, itemLines, new Set([lines[titleIndex], numbered?.line]), invoiceDate),
    lines: items.slice(0, MAX_INVOICE_LINES).map(({ line }) => line),
    ...(items.length > MAX_INVOICE_LINES ? { linesLeftOut: items.length - MAX_INVOICE_LINES } : {}),
    ...(total ? { total } : {}),
    ...paidOf(lines, amounts, total),
    confidence: Math.min(...source.pages.map((page) => page.confidence)),
  };
}

/** The vendor's name the OCR service read wins over the letterhead's first line; the letterhead's address and identifiers stay. */
function withVendorName(
  provider: InvoiceProvider | undefined,
  vendor: ReturnType<typeof expenseVendorName>,
  identifiers: readonly ProviderIdentifier[],
): InvoiceProvider | undefined {
  if (!vendor) return provider;
  const { page: _, ...letterhead } = provider ?? { identifiers };
  return { ...letterhead, ...vendor };
}

const THREE_LETTERS = /\p{L}{3}/u;

/** Whether a line says something in words: three letters in a row, digits aside ("N°12A34B"). Most lines have them as they are. */
function hasWords(text: string): boolean {
  return THREE_LETTERS.test(text) || THREE_LETTERS.test(text.replace(/\d/g, ''));
}

async function readLines(source: InvoiceSource, order: DateOrder | undefined, language: InvoiceLanguage | undefined): Promise<ReadLine[]> {
  let budget = MAX_INVOICE_TEXT_CHARS;
  const lines: ReadLine[] = [];
  let previous = '';
  for (const page of source.pages) {
    for (const [index, raw] of page.text.split('\n').entries()) {
      if (budget <= 0 || lines.length >= MAX_INVOICE_TEXT_LINES) return lines;
      budget -= raw.length + 1;
      const text = raw.trim().slice(0, MAX_LINE_CHARS);
      if (text === '') continue;
      const dates = [...numericDates(text, order), ...(await namedMonthDates(text, language))];
      const labels = hasWords(text) ? text : `${previous} ${text}`;
      lines.push({ text, index, ...(page.page ? { page: page.page } : {}), confidence: page.confidence, amounts: amountMentions(text, source.country), dates, labels });
      previous = text;
    }
  }
  return lines;
}

/**
 * The amounts the reader trusts, by line: with the document's one currency when a bare amount
 * has none. An amount with no decimals among amounts that have them may have lost its separator
 * to OCR ("6000" for "60,00"): it is left out rather than read a hundred times too large.
 */
function trustedAmounts(lines: readonly ReadLine[]): Map<ReadLine, AmountMention[]> {
  const all = lines.flatMap((line) => line.amounts);
  const currencies = new Set(all.flatMap((mention) => (mention.currency ? [mention.currency] : [])));
  const [only] = currencies;
  const documentCurrency = currencies.size === 1 ? only : undefined;
  const someDecimals = all.some((mention) => mention.hadDecimals);
  return new Map(
    lines.map((line) => [
      line,
      line.amounts
        .map((mention) => (mention.currency || mention.marked || !documentCurrency ? mention : { ...mention, currency: documentCurrency }))
        .filter((mention) => !(someDecimals && !mention.hadDecimals && minorDigits(mention.currency) > 0 && /\d{3}/.test(mention.amount))),
    ]),
  );
}

function provenance(line: ReadLine, corrected = false): { page?: number; confidence: number } {
  return { ...(line.page ? { page: line.page } : {}), confidence: line.confidence * (corrected ? CORRECTED_AMOUNT_FACTOR : 1) };
}

function money(mention: AmountMention): Money {
  return { amount: mention.amount, ...(mention.currency ? { currency: mention.currency } : {}) };
}

/** The line's amount: the last one, after unit prices and quantities. */
function lineAmount(line: ReadLine, amounts: ReadonlyMap<ReadLine, AmountMention[]>): AmountMention | undefined {
  return amounts.get(line)?.at(-1);
}


/** What the line says before its first amount or currency. */
function description(line: ReadLine, amounts: ReadonlyMap<ReadLine, AmountMention[]>): string {
  const firstAmount = amounts.get(line)?.[0]?.index ?? line.text.length;
  return line.text.slice(0, firstAmount).replace(/[\s:–-]+$/u, '').slice(0, MAX_LABEL_CHARS);
}

/**
 * The line as an item of the invoice: a description, then an amount that ends the line (an amount
 * inside a sentence is not an item), and no total, tax or payment label.
 */
function itemOf(line: ReadLine, amounts: ReadonlyMap<ReadLine, AmountMention[]>): InvoiceLine | undefined {
  const mention = lineAmount(line, amounts);
  if (!mention || [TOTAL_LABEL, PARTIAL_TOTAL_LABEL, TAX_LABEL, PAID_LABEL].some((label) => label.test(line.text))) return undefined;
  const text = description(line, amounts);
  if (/[\p{L}\d]/u.test(line.text.slice(mention.end)) || !/\p{L}{3}/u.test(text)) return undefined;
  const date = line.dates[0]?.date;
  return { description: text, ...(date ? { date } : {}), amount: money(mention), ...(line.page ? { page: line.page } : {}) };
}

/**
 * The total as printed, when the total lines agree on it: the final ones ("Grand total") when
 * there are some, else every total that is not a partial one.
 */
function printedTotal(lines: readonly ReadLine[], amounts: ReadonlyMap<ReadLine, AmountMention[]>): InvoiceTotal | undefined {
  const all = lines.flatMap((line) => {
    const mention = TOTAL_LABEL.test(line.text) && !PARTIAL_TOTAL_LABEL.test(line.text) ? lineAmount(line, amounts) : undefined;
    return mention ? [{ line, mention }] : [];
  });
  const final = all.filter(({ line }) => FINAL_TOTAL_LABEL.test(line.text));
  const totals = final.length > 0 ? final : all;
  const distinct = new Set(totals.map(({ mention }) => `${mention.amount} ${mention.currency ?? ''}`));
  const [last] = totals.slice(-1);
  if (distinct.size !== 1 || !last) return undefined;
  return { ...money(last.mention), ...provenance(last.line, last.mention.corrected) };
}

/** No total printed: the lines summed, when they are all in one currency. */
function summedTotal(items: readonly { line: InvoiceLine; confidence: number }[]): InvoiceTotal | undefined {
  const currencies = new Set(items.map(({ line }) => line.amount.currency));
  const [currency] = currencies;
  if (items.length === 0 || currencies.size !== 1) return undefined;
  return {
    amount: sumAmounts(items.map(({ line }) => line.amount.amount)),
    ...(currency ? { currency } : {}),
    summedFromLines: true,
    confidence: Math.min(...items.map(({ confidence }) => confidence)),
  };
}

/** The amount paid as printed ("Total acquitté 44,26 €"), or the total when a line says it was paid ("Paid by card"). */
function paidOf(
  lines: readonly ReadLine[],
  amounts: ReadonlyMap<ReadLine, AmountMention[]>,
  total: InvoiceTotal | undefined,
): { paid?: Money & { page?: number; confidence: number } } {
  const printed = lines.find((line) => PAID_LABEL.test(line.text) && !TAX_LABEL.test(line.text) && lineAmount(line, amounts));
  const mention = printed ? lineAmount(printed, amounts) : undefined;
  if (printed && mention) return { paid: { ...money(mention), ...provenance(printed, mention.corrected) } };
  const statement = lines.find((line) => PAID_STATEMENT.test(line.text));
  if (!statement || !total || total.summedFromLines) return {};
  return { paid: { amount: total.amount, ...(total.currency ? { currency: total.currency } : {}), ...provenance(statement) } };
}

/**
 * Dates of service: those labelled so; else the lines' own dates; else the invoice's date as the
 * OCR service read it; else the document's own date (on its title or number line, or labelled as
 * its date); else its only date. Never a date to pay by.
 */
function serviceDates(
  lines: readonly ReadLine[],
  itemLines: ReadonlySet<ReadLine>,
  headings: ReadonlySet<ReadLine | undefined>,
  invoiceDate: { date: string; page?: number; confidence: number } | undefined,
): InvoiceReading['serviceDates'] {
  const dated = lines.filter((line) => line.dates.length > 0 && !NOT_SERVICE_DATE_LABEL.test(line.labels));
  const labelled = dated.filter((line) => SERVICE_DATE_LABEL.test(line.labels));
  const onItems = dated.filter((line) => itemLines.has(line));
  const documentDates = dated.filter((line) => headings.has(line) || DOCUMENT_DATE_LABEL.test(line.labels));
  if (labelled.length === 0 && onItems.length === 0 && invoiceDate) return [invoiceDate];
  const onlyDate = new Set(dated.flatMap((line) => line.dates.map(({ date }) => date))).size === 1 ? dated : [];
  const chosen = [labelled, onItems, documentDates, onlyDate].find((candidates) => candidates.length > 0) ?? [];
  const byDate = new Map<string, { date: string; page?: number; confidence: number }>();
  for (const line of chosen) for (const { date } of line.dates) if (!byDate.has(date)) byDate.set(date, { date, ...provenance(line) });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(0, MAX_SERVICE_DATES);
}
