/**
 * html-to-text in its place in the functions' bundles (lib/constructs/project-function.ts), the
 * real one loaded by the first conversion from the function's node_modules, where a function whose
 * bundle holds mailparser installs it (lib/constructs/intake-function.ts). mailparser converts a
 * message's HTML to text only when the message has no text of its own; html-to-text, with its
 * HTML parser, selector engine and entity tables (120 KB), was otherwise compiled and set up at
 * every cold start.
 */
import { createRequire } from 'node:module';

export type HtmlToText = (html: string, options?: object) => string;

/**
 * Node's own require, which esbuild leaves to run: in the bundles, `require('html-to-text')`
 * would be bundled, and the package's name leads to this stand-in.
 */
const requireInstalled = createRequire(import.meta.url);

let convert: HtmlToText | undefined;

/** `htmlToText(html, options)`, as mailparser calls it. */
export function htmlToText(html: string, options?: object): string {
  convert ??= (requireInstalled('html-to-text') as { htmlToText: HtmlToText }).htmlToText;
  return convert(html, options);
}
