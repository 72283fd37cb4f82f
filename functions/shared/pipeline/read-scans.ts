import type { Deadline } from '../domain/deadline.ts';
import type { DocumentDecoder } from '../domain/documents/index.ts';
import { decodeScan, isScan, ocrImage, pagesToPdf, type OcrEngine, type ScanLimits, type ScanPage } from '../domain/scans/index.ts';
import type { DocumentFile, OcrPage, OcrReading } from '../domain/types.ts';
import { required, type IntakeContext, type Rendition } from './context.ts';

export interface ScanSettings {
  readonly engine: OcrEngine;
  readonly limits: ScanLimits;
  /**
   * OCR time one claim may use, in milliseconds, its scans' decoding included: pages beyond it
   * are left unread. A share of the claim's deadline, never more.
   */
  readonly ocrTimeLimitMs: number;
}

const SCAN_WORK = 'reading the scans';

interface PagesRead {
  readonly pages: OcrPage[];
  /** Time the engine took over these pages. */
  readonly elapsedMs: number;
  /** Why the pages after the last one read were not read. */
  readonly stoppedBecause?: string;
}

function withoutNotReadReason(document: DocumentFile): DocumentFile {
  const { notReadReason: _, ...rest } = document;
  return rest;
}

function stopReason(error: unknown, signal: AbortSignal, settings: ScanSettings): string {
  if (signal.aborted) return `the claim's ${settings.ocrTimeLimitMs / 1000}-second OCR time ran out`;
  return `OCR failed (${error instanceof Error ? error.name : 'unknown error'})`;
}

async function readPages(pages: readonly ScanPage[], settings: ScanSettings, signal: AbortSignal): Promise<PagesRead> {
  const read: OcrPage[] = [];
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  for (const [index, page] of pages.entries()) {
    try {
      signal.throwIfAborted();
      const { text, confidence, expense } = await settings.engine.recognize(await ocrImage(page), signal);
      read.push({ page: index + 1, text: text.trim(), confidence: Math.round(confidence), ...(expense ? { expense } : {}) });
    } catch (error) {
      return { pages: read, elapsedMs: elapsedMs(), stoppedBecause: stopReason(error, signal, settings) };
    }
  }
  return { pages: read, elapsedMs: elapsedMs() };
}

function ocrReading(engine: OcrEngine, read: PagesRead, pageCount: number): OcrReading {
  const meanConfidence = Math.round(read.pages.reduce((sum, page) => sum + page.confidence, 0) / read.pages.length);
  const firstNotRead = read.pages.length + 1;
  const pagesNotRead = firstNotRead === pageCount ? `page ${pageCount}` : `pages ${firstNotRead} to ${pageCount}`;
  const notRead = read.stoppedBecause && `${pagesNotRead} not read: ${read.stoppedBecause}`;
  return { engine: engine.name, pages: read.pages, meanConfidence, elapsedMs: read.elapsedMs, ...(notRead ? { pagesNotRead: notRead } : {}) };
}

function withText(document: DocumentFile, pages: readonly ScanPage[], read: PagesRead, engine: OcrEngine): DocumentFile {
  const pageCount = pages.length;
  if (read.pages.length === 0) {
    return { ...document, pageCount, notReadReason: `scan not read: ${read.stoppedBecause ?? 'no page'}` };
  }
  return {
    ...withoutNotReadReason(document),
    text: read.pages.map((page) => page.text).join('\n\n'),
    textRead: true,
    pageCount,
    ocr: ocrReading(engine, read, pageCount),
  };
}

/** "fax000123.tif" -> "fax000123.pdf". */
function pdfFilename(filename: string): string {
  return `${filename.replace(/\.tiff?$/i, '')}.pdf`;
}

/**
 * Reads the text of the scans (faxes, photos, PDFs without a text layer) by OCR, one document
 * and one page at a time, within the claim's OCR time; makes a PDF of each TIFF fax for the
 * forward. A claim without scans goes through untouched: the OCR engine is never started. When
 * the claim's own deadline passes meanwhile, it stops with DeadlineExceededError: the next try
 * has the time.
 */
export async function readScans(context: IntakeContext, settings: ScanSettings, decoder: DocumentDecoder, deadline: Deadline): Promise<IntakeContext> {
  const documents = required(context.documents, 'the documents');
  if (!documents.some(isScan)) return context;
  const ocrTime = deadline.within(settings.ocrTimeLimitMs);
  const signal = ocrTime.signal();
  const read: DocumentFile[] = [];
  const renditions: Rendition[] = [];
  for (const document of documents) {
    if (!isScan(document)) {
      read.push(document);
      continue;
    }
    deadline.throwIfPassed(SCAN_WORK);
    const decoding = await decodeScan(document, settings.limits, decoder, ocrTime.within(settings.limits.maxDecodeMsPerDocument));
    deadline.throwIfPassed(SCAN_WORK);
    switch (decoding.kind) {
      case 'no-images':
        read.push(document);
        break;
      case 'not-read':
        read.push({ ...document, notReadReason: decoding.reason, ...(decoding.decoderStopped ? { decoderStopped: true } : {}) });
        break;
      case 'damaged':
        read.push({ ...document, damaged: true, notReadReason: decoding.reason });
        break;
      case 'pages':
        const pagesRead = await readPages(decoding.pages, settings, signal);
        deadline.throwIfPassed(SCAN_WORK);
        read.push(withText(document, decoding.pages, pagesRead, settings.engine));
        if (document.type === 'tiff') {
          renditions.push({ of: document.filename, filename: pdfFilename(document.filename), contentType: 'application/pdf', content: await pagesToPdf(decoding.pages) });
        }
        break;
    }
  }
  return { ...context, documents: read, ...(renditions.length > 0 ? { renditions } : {}) };
}
