import type { DocumentLimits } from './limits.ts';
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

async function withPdf<T>(content: Uint8Array, use: (pdf: PdfDocument) => Promise<T>): Promise<T> {
  // Loaded on first use: pdf.js is large, and only messages carrying a PDF need it.
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

/** Runs of whitespace other than line ends, but for a lone space, which stays as it is: most of them. */
const SPACES_TO_COLLAPSE = /[^\S\n]{2,}|[^\S \n]/g;
/** A space before or after a line end; not a bare line end, which would be replaced by itself. */
const SPACE_AROUND_LINE_END = / \n ?|\n /g;

/** The pages' text as one: pages on their own lines, runs of spaces made one, at most one blank line. */
export function joinPageTexts(pages: readonly string[]): string {
  return pages.join('\n').replace(SPACES_TO_COLLAPSE, ' ').replace(SPACE_AROUND_LINE_END, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The text of the first pages, each as pdf.js's getTextContent gives it. */
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

/** The text layer of a PDF, all pages merged. Throws when the PDF cannot be opened. */
export async function extractPdfText(content: Uint8Array): Promise<string> {
  return withPdf(content, (pdf) => firstPagesText(pdf, pdf.numPages));
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

/**
 * Reads the text layer of a PDF's first pages with pdf.js; never throws. Runs where untrusted
 * bytes are decoded (see DocumentDecoder), never in the intake's own thread.
 */
export async function readPdfText(content: Uint8Array, limits: Pick<DocumentLimits, 'maxPdfPagesRead'>): Promise<TextReading> {
  try {
    return await withPdf(content, async (pdf) => {
      const text = await firstPagesText(pdf, limits.maxPdfPagesRead);
      return hasMeaningfulText(text) ? textWasRead(text) : textNotRead(SCANNED_PDF_REASON);
    });
  } catch (error) {
    return textNotRead(failureReason(error));
  }
}
