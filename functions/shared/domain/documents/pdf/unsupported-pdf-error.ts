/**
 * A PDF, or a part of it, that the fast text-layer reader does not handle: the caller hands the
 * file to pdf.js, which handles everything, more slowly.
 */
export class UnsupportedPdfError extends Error {
  override readonly name = 'UnsupportedPdfError';

  constructor(readonly reason: string) {
    super(`PDF not supported by the fast text reader: ${reason}`);
  }
}
