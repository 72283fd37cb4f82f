/**
 * html-to-text in its place in the functions' bundles (lib/constructs/project-function.ts).
 * mailparser imports it to convert a body written in HTML alone, which the functions never ask
 * for: they parse with skipHtmlToText, and HTML is read only in the decoder process, bounded in
 * time and memory (functions/shared/domain/documents/read-html.ts, with the real package
 * installed beside it). Asked to convert, it fails: a main process parsing HTML is a bug to see,
 * not a path to keep working. It also keeps html-to-text's parser, selector engine and entity
 * tables (120 KB) out of every cold start.
 */

/** `htmlToText(html, options)`, as mailparser calls it: refused. */
export function htmlToText(): never {
  throw new Error('html-to-text is not bundled: the intake reads HTML in its decoder process only, and parses mail with skipHtmlToText');
}
