/** Bounds on the work done decoding one scanned document; over a bound it is kept but not read. */
export interface ScanLimits {
  /** Pages of one TIFF or scanned PDF beyond which none is read. */
  readonly maxPagesPerDocument: number;
  /** Pixels of one page beyond which the document is not decoded. */
  readonly maxPixelsPerPage: number;
  /** Time decoding one scan's pages may take, in milliseconds; past it the scan is kept unread. */
  readonly maxDecodeMsPerDocument: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  // A claim's fax or scan runs to a few pages. At seconds of OCR a page, a longer one would use
  // up the claim's OCR time anyway, and is a medical file rather than a claim.
  maxPagesPerDocument: 20,
  // Phone cameras take photos of 12 to 50 megapixels. A file that decodes to more is a
  // decompression bomb (a few kilobytes that expand to gigabytes) and would exhaust the memory.
  maxPixelsPerPage: 50_000_000,
  // A 20-page fine fax decodes in about a second (30-50 ms a page); a scanned PDF's 20 page images
  // in a few. More is a file made to stall the decoder.
  maxDecodeMsPerDocument: 10_000,
};
