import type { AnalyzeExpenseCommandOutput, ExpenseField, LineItemFields } from '@aws-sdk/client-textract';
import type { ExpenseItem, ExpenseSummary, ExpenseValue } from '../../domain/invoices/index.ts';

/** Textract's types of summary field the invoice reader takes as they are. */
const SUMMARY_TYPES = {
  total: 'TOTAL',
  invoiceDate: 'INVOICE_RECEIPT_DATE',
  vendorName: 'VENDOR_NAME',
  invoiceNumber: 'INVOICE_RECEIPT_ID',
} as const satisfies Record<keyof Omit<ExpenseSummary, 'items'>, string>;

function valueOf(field: ExpenseField | undefined): ExpenseValue | undefined {
  const text = field?.ValueDetection?.Text?.trim();
  if (!field || !text) return undefined;
  const currency = field.Currency?.Code;
  return { text, confidence: (field.ValueDetection?.Confidence ?? 0) / 100, ...(currency ? { currency } : {}) };
}

/**
 * The one value Textract gives for a type of field on the page. Several receipts on one page, or
 * one field read twice with different values, leave the choice to the text reading.
 */
function onlyValue(fields: readonly ExpenseField[], type: string): ExpenseValue | undefined {
  const values = fields.filter((field) => field.Type?.Text === type).flatMap((field) => valueOf(field) ?? []);
  const [first] = values;
  return first && values.every((value) => value.text === first.text) ? first : undefined;
}

function itemOf(item: LineItemFields): ExpenseItem | undefined {
  const fields = item.LineItemExpenseFields ?? [];
  const description = valueOf(fields.find((field) => field.Type?.Text === 'ITEM'));
  const price = valueOf(fields.find((field) => field.Type?.Text === 'PRICE'));
  return description && price ? { description, price } : undefined;
}

/** AnalyzeExpense's own invoice fields on one page, in the domain's terms; undefined when it found none. */
export function expenseSummary(response: AnalyzeExpenseCommandOutput): ExpenseSummary | undefined {
  const documents = response.ExpenseDocuments ?? [];
  const fields = documents.flatMap((document) => document.SummaryFields ?? []);
  const items = documents
    .flatMap((document) => document.LineItemGroups ?? [])
    .flatMap((group) => group.LineItems ?? [])
    .flatMap((item) => itemOf(item) ?? []);
  const summary: ExpenseSummary = {
    ...Object.fromEntries(Object.entries(SUMMARY_TYPES).flatMap(([key, type]) => {
      const value = onlyValue(fields, type);
      return value ? [[key, value]] : [];
    })),
    items,
  };
  return Object.keys(summary).length > 1 || items.length > 0 ? summary : undefined;
}
