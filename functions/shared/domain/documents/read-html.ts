import { requireInstalled } from '../../require-installed.ts';
import { textWasRead, type TextReading } from './text-reading.ts';

type HtmlToText = (html: string, options: object) => string;

/**
 * mailparser's bound on the HTML nesting html-to-text walks: deeper elements are left out. Time and
 * memory are bounded by the decoder process this runs in, not here: html-to-text took 9 minutes
 * on a million unclosed `<b>` (3 MB).
 */
const MAX_HTML_DEPTH = 1000;
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What a reader sees: lines as the HTML breaks them (not wrapped at 80 columns, which would part a
 * label from its number), headings and table headers in the case they were written in, a table's
 * cells apart in columns (html-to-text's default runs them together: "Consultation25,00 €"), links
 * by their words only and no image: a sender's URLs are neither evidence nor anything we echo.
 */
export const HTML_TEXT_OPTIONS = {
  wordwrap: false,
  limits: { maxDepth: MAX_HTML_DEPTH },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
  ],
} as const;

let convert: HtmlToText | undefined;

/**
 * The text of an HTML body or document, by html-to-text (HTML parsed by htmlparser2): the one way
 * the intake reads HTML. Untrusted: run it only in the decoder process, within its bounds.
 */
export function readHtmlText(html: string): TextReading {
  convert ??= (requireInstalled('html-to-text') as { htmlToText: HtmlToText }).htmlToText;
  return textWasRead(convert(html, HTML_TEXT_OPTIONS));
}
