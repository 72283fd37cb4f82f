import { readContentText, type PageContext } from './content-text-interpreter.ts';
import { firstPages, type PdfPage } from './page-tree.ts';
import { joinPageTexts, normalizeCompatibilityCharacters } from './page-text.ts';
import { PdfDocument } from './pdf-document.ts';
import type { PdfFont } from './pdf-font.ts';
import { PdfStream, type PdfDict } from './pdf-values.ts';
import { TextSink } from './text-sink.ts';
import { TextState } from './text-state.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** Between the streams of a page's /Contents array, which may only split it between tokens. */
const CONTENT_STREAM_SEPARATOR = Buffer.from('\n');

/**
 * The text of the first `maxPages` pages of a PDF's text layer, as pdf.js's getTextContent would
 * give it and the intake joins it, without pdf.js: only the objects these pages need are parsed.
 * Throws `UnsupportedPdfError` for whatever it does not handle, which pdf.js then reads.
 */
export function readTextLayer(content: Buffer, maxPages: number): string {
  const document = PdfDocument.open(content);
  const fonts = new Map<PdfDict, PdfFont>();
  return joinPageTexts(firstPages(document, maxPages).map((page) => pageText(document, page, fonts)));
}

function pageText(document: PdfDocument, page: PdfPage, fonts: Map<PdfDict, PdfFont>): string {
  const context: PageContext = { document, fonts, sink: new TextSink(), view: page.view };
  readContentText(context, pageContent(document, page), page.resources, new TextState());
  const { sink } = context;
  if (sink.hasRightToLeftText) throw new UnsupportedPdfError('right-to-left text');
  return sink.hasCompatibilityCharacters ? normalizeCompatibilityCharacters(sink.text) : sink.text;
}

function pageContent(document: PdfDocument, page: PdfPage): Buffer {
  const contents = document.resolve(page.contents);
  const items = Array.isArray(contents) ? contents.map((item) => document.resolve(item)) : [contents];
  const streams = items.filter((item) => item instanceof PdfStream);
  if (streams.length === 1) return document.decode(streams[0]!);
  return Buffer.concat(streams.flatMap((stream) => [document.decode(stream), CONTENT_STREAM_SEPARATOR]));
}
