/**
 * Lines kept per invoice: a hospital statement can list hundreds of items, and the claim item
 * holding every invoice must stay far below DynamoDB's 400 KB item limit.
 */
export const MAX_INVOICE_LINES = 25;

/** Dates of service kept per invoice: a month of daily visits; more is a listing, not a claim. */
export const MAX_SERVICE_DATES = 31;

/**
 * Documents read as invoices per claim, in the order they came: with the limits above an invoice
 * records in under 8 KB, so twenty keep a claim item well below DynamoDB's 400 KB whatever else it
 * holds. Every document is still forwarded and listed; those beyond are only not read as invoices.
 */
export const MAX_INVOICES_PER_CLAIM = 20;

/** Characters of a document's text read for an invoice: an invoice is short, a book is not one. */
export const MAX_INVOICE_TEXT_CHARS = 60_000;

/**
 * Lines read per document: five pages of an itemised statement (the pages of a PDF read). Bounds
 * the reader's time whatever the text: at most a few hundred milliseconds a document.
 */
export const MAX_INVOICE_TEXT_LINES = 300;

/** Characters of a line looked at: the patterns run on lines, so a line's length bounds their work. */
export const MAX_LINE_CHARS = 240;

/** Characters kept of a description, a name or an address. */
export const MAX_LABEL_CHARS = 120;

/** Confidence of a text layer: the text is the document's own, its layout is not. */
export const TEXT_LAYER_CONFIDENCE = 0.9;

/** How much an amount read through an OCR correction (O read for 0) is trusted, relative to the page. */
export const CORRECTED_AMOUNT_FACTOR = 0.8;
