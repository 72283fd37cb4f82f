/** One decoded page of a scan: grey pixels, one byte each, upright. */
export interface ScanPage {
  readonly pixels: Buffer;
  readonly width: number;
  readonly height: number;
  /**
   * Dots per inch across and down, when the file says. They differ on standard-resolution faxes
   * (204 x 98): such a page is twice as wide as it is tall in pixels.
   */
  readonly resolution?: { readonly x: number; readonly y: number };
  /** Black and white, as fax machines send: line noise speckles it. */
  readonly bilevel: boolean;
}

/** What decoding a scanned document gave. */
export type ScanDecoding =
  | { readonly kind: 'pages'; readonly pages: readonly ScanPage[] }
  /** Over a bound, or in a format nothing here decodes: kept and forwarded, not read. */
  | { readonly kind: 'not-read'; readonly reason: string; readonly decoderStopped?: boolean }
  /** The file is broken: a person must look at it. */
  | { readonly kind: 'damaged'; readonly reason: string }
  /** A PDF without page images (or that does not open): what the text reader said of it stands. */
  | { readonly kind: 'no-images' };

export const notRead = (reason: string): ScanDecoding => ({ kind: 'not-read', reason });
/** The decoder was stopped past its time or memory bound, or failed: kept and forwarded, not read. */
export const decoderStopped = (reason: string): ScanDecoding => ({ kind: 'not-read', reason, decoderStopped: true });
export const damaged = (reason: string): ScanDecoding => ({ kind: 'damaged', reason });

/** "page 2 of 30000 x 30000 pixels, over the 50-megapixel read limit" */
export function pixelLimitReason(pageNumber: number, width: number, height: number, maxPixels: number): string {
  return `page ${pageNumber} of ${width} x ${height} pixels, over the ${maxPixels / 1_000_000}-megapixel read limit`;
}
