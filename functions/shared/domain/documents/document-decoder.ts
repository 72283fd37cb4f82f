import type { Deadline } from '../deadline.ts';
import type { ScanLimits } from '../scans/limits.ts';
import type { ScanDecoding } from '../scans/scan-page.ts';
import type { TextReading } from './text-reading.ts';

/** A document's text, asked of the decoder that reads its format. */
export type TextJob =
  | { readonly decoder: 'pdf-text'; readonly content: Uint8Array; readonly maxPdfPagesRead: number }
  | { readonly decoder: 'html-text'; readonly html: string };

/** A scan's pages as OCR reads them, asked of the decoder that reads its format. */
export interface ScanJob {
  readonly decoder: 'tiff-pages' | 'pdf-scan-pages' | 'photo-pages';
  readonly content: Uint8Array;
  readonly limits: ScanLimits;
}

export type DecodeJob = TextJob | ScanJob;

/**
 * Where the untrusted bytes of documents are decoded: the intake asks for a document's text (or
 * a scan's pages) within a deadline, and gets it, or the reason it was not read. A decoder that
 * passes its deadline or its memory ceiling, or refuses the file, is a reason, never an error:
 * the document is kept and forwarded unread.
 */
export interface DocumentDecoder {
  readText(job: TextJob, deadline: Deadline): Promise<TextReading>;
  decodeScan(job: ScanJob, deadline: Deadline): Promise<ScanDecoding>;
  /** Ends what the decoder holds (its worker); it starts again when next asked. */
  release(): Promise<void>;
}
