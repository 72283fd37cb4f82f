import type { DocumentLimits } from './limits.ts';
import { joinPageTexts } from './pdf/page-text.ts';
import { readTextLayer } from './pdf/read-text-layer.ts';
import { textNotRead, textWasRead, type TextReading } from './text-reading.ts';

/**
 * Letters and digits below which a PDF is taken for a scan: scanner apps stamp a short text (a
 * page number, "Scanned with CamScanner") over the page images.
 */
const MIN_MEANINGFUL_TEXT_CHARS = 25;
/** pdf.js log level: errors only, so that its warnings about odd files do not fill the logs. */
const PDFJS_ERRORS_ONLY = 0;

const SCANNED_PDF_REASON = 'scanned PDF without a text layer';

type Unpdf = typeof import('unpdf');
type PdfDocument = Awaited<ReturnType<Unpdf['getDocumentProxy']>>;

async function withPdf<T>(content: Buffer, use: (pdf: PdfDocument) => Promise<T>): Promise<T> {
  // Loaded on first use: pdf.js is large, and the fast reader handles most PDFs without it.
  const unpdf = await import('unpdf');
  // A copy, because pdf.js takes ownership of the bytes it is given. No isEvalSupported: this
  // pdf.js interprets a PDF's PostScript functions or compiles them to WebAssembly, never to
  // JavaScript, and has dropped the option.
  const pdf = await unpdf.getDocumentProxy(new Uint8Array(content), { verbosity: PDFJS_ERRORS_ONLY });
  try {
    return await use(pdf);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The text of the first pages, as unpdf's extractText merges pages. */
async function firstPagesText(pdf: PdfDocument, pageCount: number): Promise<string> {
  const pages: string[] = [];
  for (let pageNumber = 1; pageNumber <= Math.min(pageCount, pdf.numPages); pageNumber += 1) {
    const page = await pdf.getPage(pageNumber);
    const { items } = await page.getTextContent();
    pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    page.cleanup();
  }
  return joinPageTexts(pages);
}

/**
 * The text the fast reader finds, when it handles the file and finds more than a scanner's stamp;
 * undefined to let pdf.js read it. It never throws: whatever it does not handle, pdf.js does.
 */
function fastText(content: Buffer, pageCount: number): string | undefined {
  try {
    const text = readTextLayer(content, pageCount);
    return hasMeaningfulText(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The text layer of a PDF, all pages merged. Throws when the PDF cannot be opened. */
export async function extractPdfText(content: Buffer): Promise<string> {
  return fastText(content, Infinity) ?? withPdf(content, (pdf) => firstPagesText(pdf, pdf.numPages));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

function hasMeaningfulText(text: string): boolean {
  // The constant pattern itself, not matchAll's copy (see domain/matches.ts): it keeps its compiled code.
  LETTER_OR_DIGIT.lastIndex = 0;
  for (let count = 0; LETTER_OR_DIGIT.exec(text) !== null; ) {
    count += 1;
    if (count >= MIN_MEANINGFUL_TEXT_CHARS) return true;
  }
  return false;
}

function failureReason(error: unknown): string {
  if (error instanceof Error && error.name === 'PasswordException') return 'encrypted PDF: a password is needed to open it';
  const detail = error instanceof Error ? error.message : String(error);
  return `broken PDF: ${detail}`;
}

/** Reads a PDF's text layer within the limits; never throws. */
export async function readPdfText(content: Buffer, limits: DocumentLimits): Promise<TextReading> {
  if (content.length > limits.maxPdfBytes) {
    return textNotRead(`PDF of ${content.length} bytes, over the ${limits.maxPdfBytes}-byte read limit`);
  }
  const text = fastText(content, limits.maxPdfPagesRead);
  if (text !== undefined) return textWasRead(text);
  // A scan goes to OCR, which takes seconds: pdf.js has a try first, in case the fast reader missed text.
  try {
    return await withPdf(content, async (pdf) => {
      const text = await firstPagesText(pdf, limits.maxPdfPagesRead);
      return hasMeaningfulText(text) ? textWasRead(text) : textNotRead(SCANNED_PDF_REASON);
    });
  } catch (error) {
    return textNotRead(failureReason(error));
  }
}
