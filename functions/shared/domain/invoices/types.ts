/** What the intake reads on a document that is an invoice, a receipt or a statement. */

export type InvoiceKind = 'invoice' | 'receipt' | 'statement';

/** An amount as a decimal string ("60.00"), never a float; the currency (ISO 4217) when it is known. */
export interface Money {
  readonly amount: string;
  readonly currency?: string;
}

/** Where a value was read and how sure the reader is of it, 0 to 1. */
export interface Provenance {
  /** 1-based page, when the text was read page by page (OCR). */
  readonly page?: number;
  readonly confidence: number;
}

export interface ProviderIdentifier {
  /** "SIRET", "NPI", "RPPS"... */
  readonly scheme: string;
  readonly value: string;
}

/** Where a letterhead is printed: the lines of one page's text (or of the document's, read whole), 0-based, both included. */
export interface LetterheadLines {
  readonly page?: number;
  readonly firstLine: number;
  readonly lastLine: number;
}

export interface InvoiceProvider extends Provenance {
  readonly name: string;
  readonly address?: string;
  readonly identifiers: readonly ProviderIdentifier[];
  /** The letterhead the name was read from: its place is where the treatment took place. */
  readonly letterhead?: LetterheadLines;
}

export interface InvoiceLine {
  readonly description: string;
  /** ISO YYYY-MM-DD. */
  readonly date?: string;
  readonly amount: Money;
  readonly page?: number;
}

export interface InvoiceTotal extends Money, Provenance {
  /** No total was printed: the lines were summed. */
  readonly summedFromLines?: true;
}

export interface InvoiceReading {
  /** File name of the document read. */
  readonly document: string;
  readonly kind: InvoiceKind;
  readonly provider?: InvoiceProvider;
  readonly invoiceNumber?: { readonly value: string } & Provenance;
  /** ISO YYYY-MM-DD, each once, in order. */
  readonly serviceDates: readonly ({ readonly date: string } & Provenance)[];
  readonly lines: readonly InvoiceLine[];
  /** Lines beyond MAX_INVOICE_LINES were not kept. */
  readonly linesLeftOut?: number;
  readonly total?: InvoiceTotal;
  readonly paid?: Money & Provenance;
  /** How sure the reader is of the reading as a whole, 0 to 1: the text's own confidence. */
  readonly confidence: number;
}

/** A value a document-reading service (Amazon Textract AnalyzeExpense) found, as printed. */
export interface ExpenseValue {
  readonly text: string;
  /** 0 to 1. */
  readonly confidence: number;
  /** ISO 4217, when the service decided it. */
  readonly currency?: string;
}

export interface ExpenseItem {
  readonly description: ExpenseValue;
  readonly price: ExpenseValue;
}

/** What such a service read as an invoice's own fields on one page. */
export interface ExpenseSummary {
  readonly total?: ExpenseValue;
  readonly invoiceDate?: ExpenseValue;
  readonly vendorName?: ExpenseValue;
  readonly invoiceNumber?: ExpenseValue;
  readonly items: readonly ExpenseItem[];
}
