import type { AnalyzeExpenseCommandOutput, ExpenseDocument, ExpenseField } from '@aws-sdk/client-textract';
import type { OcrPageText } from '../../domain/scans/index.ts';

/** Textract writes each table row whole under this type, beside its cells. */
const WHOLE_ROW = 'EXPENSE_ROW';

/** "VENDOR_ADDRESS" -> "Vendor address". */
function readableType(type: string): string {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A summary field as a labelled line: "Vendor address: 123 Some Street…", "Grand Total: $6231.09 (USD)". */
function fieldLine(field: ExpenseField): string | undefined {
  const value = field.ValueDetection?.Text?.trim();
  if (!value) return undefined;
  // Printed labels keep their colon ("VAT ID:"): one is written after every label.
  const label = field.LabelDetection?.Text?.replace(/[\s:]+$/, '') || readableType(field.Type?.Text ?? 'OTHER');
  const currency = field.Currency?.Code;
  return `${label}: ${value}${currency && !value.includes(currency) ? ` (${currency})` : ''}`;
}

function rowLines(document: ExpenseDocument): string[] {
  return (document.LineItemGroups ?? []).flatMap((group) =>
    (group.LineItems ?? []).flatMap((item) =>
      (item.LineItemExpenseFields ?? []).filter((field) => field.Type?.Text === WHOLE_ROW).flatMap((field) => field.ValueDetection?.Text ?? []),
    ),
  );
}

/** The page's printed lines, when Textract returned them (it does since 2022). */
function printedLines(document: ExpenseDocument): { text: string; confidence: number }[] {
  return (document.Blocks ?? []).flatMap((block) =>
    block.BlockType === 'LINE' && block.Text ? [{ text: block.Text, confidence: block.Confidence ?? 0 }] : [],
  );
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * One page's AnalyzeExpense result as text for the intake's readers: the fields Textract found
 * (vendor address, country, totals with their currency) as labelled lines, the table rows, then
 * every printed line, so that a member number Textract does not know as a field is read too.
 */
export function expensePageText(response: AnalyzeExpenseCommandOutput): OcrPageText {
  const documents = response.ExpenseDocuments ?? [];
  const fields = documents.flatMap((document) => document.SummaryFields ?? []);
  const printed = documents.flatMap(printedLines);
  const lines = [
    ...fields.flatMap((field) => fieldLine(field) ?? []),
    ...documents.flatMap(rowLines),
    ...printed.map((line) => line.text),
  ];
  const confidences = printed.length > 0 ? printed.map((line) => line.confidence) : fields.flatMap((field) => field.ValueDetection?.Confidence ?? []);
  return { text: [...new Set(lines)].join('\n'), confidence: mean(confidences) };
}
