/** Bounds on the work done reading one message; over a bound a document is kept but not read. */
export interface DocumentLimits {
  /** Documents read per message, embedded messages' documents included. */
  readonly maxAttachments: number;
  /** Pages of a PDF whose text is read, from the first. */
  readonly maxPdfPagesRead: number;
  /** Size of a PDF beyond which its text is not read. */
  readonly maxPdfBytes: number;
  /** How many forwarded-within-forwarded messages are opened. */
  readonly maxEmbeddedMessageDepth: number;
  /** Time reading one document's text may take, in milliseconds; past it the document is kept unread. */
  readonly maxReadMsPerDocument: number;
  /**
   * Time reading all of a claim's documents (and its bodies written in HTML alone) may take, in
   * milliseconds; documents after it are kept unread.
   */
  readonly maxReadMsPerClaim: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  // A claim is a handful of invoices and prescriptions; more than this is a mass mailing or an
  // attack, and reading it all would use up the function's time.
  maxAttachments: 50,
  // The member number and the provider's name and address head an invoice; later pages list
  // items, which add no evidence but cost time and memory (`npm run bench`: a 40 MB claim of long
  // statements took 20 s to read in full). The whole PDF is forwarded whatever its length.
  maxPdfPagesRead: 5,
  // pdf.js holds several copies of a PDF in memory while parsing it; this keeps a 1 GB function
  // well clear of its limit. SES accepts messages up to 40 MB.
  maxPdfBytes: 20 * 1024 * 1024,
  // Members forward a forward of an administrator's message; deeper nesting is a loop or a trick.
  maxEmbeddedMessageDepth: 3,
  // pdf.js reads the first pages of the largest PDF read (20 MiB of itemised statements) in well
  // under a second; a document still being read after this was made to stall its reader (forms
  // drawn inside forms, a font declaring two billion widths).
  maxReadMsPerDocument: 10_000,
  // Three documents stalling their reader in one claim; the intake's timeout is derived from it
  // (functions/shared/claim-timing.ts, lib/intake-timing.ts).
  maxReadMsPerClaim: 30_000,
};
