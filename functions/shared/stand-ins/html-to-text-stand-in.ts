/**
 * html-to-text in its place in the functions' bundles (lib/constructs/project-function.ts), the
 * real one loaded by the first conversion. mailparser converts a message's HTML to text only when
 * the message has no text of its own; html-to-text, with its HTML parser, selector engine and
 * entity tables (140 KB), was otherwise compiled and set up at every cold start.
 */

export type HtmlToText = (html: string, options?: object) => string;

let convert: HtmlToText | undefined;

/** `htmlToText(html, options)`, as mailparser calls it. */
export function htmlToText(html: string, options?: object): string {
  // A require() that esbuild bundles and runs here, at the first call. By path: in the bundles,
  // the package's name leads to this stand-in.
  convert ??= (require('../../../node_modules/html-to-text/lib/html-to-text.mjs') as { htmlToText: HtmlToText }).htmlToText;
  return convert(html, options);
}
