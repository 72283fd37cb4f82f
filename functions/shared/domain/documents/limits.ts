/** Bounds on the work done reading one message; over a bound a document is kept but not read. */
export interface DocumentLimits {
  /** Documents read per message, embedded messages' documents included. */
  readonly maxAttachments: number;
  /** Pages of a PDF beyond which its text is not read. */
  readonly maxPdfPages: number;
  /** Size of a PDF beyond which its text is not read. */
  readonly maxPdfBytes: number;
  /** How many forwarded-within-forwarded messages are opened. */
  readonly maxEmbeddedMessageDepth: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  // A claim is a handful of invoices and prescriptions; more than this is a mass mailing or an
  // attack, and reading it all would use up the function's time.
  maxAttachments: 50,
  // Claim documents run to a few pages; a longer PDF is a medical file rather than a claim, and
  // at a few tens of milliseconds a page, reading it would use up the function's time.
  maxPdfPages: 50,
  // pdf.js holds several copies of a PDF in memory while parsing it; this keeps a 1 GB function
  // well clear of its limit. SES accepts messages up to 40 MB.
  maxPdfBytes: 20 * 1024 * 1024,
  // Members forward a forward of an administrator's message; deeper nesting is a loop or a trick.
  maxEmbeddedMessageDepth: 3,
};
