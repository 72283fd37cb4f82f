/**
 * What mailparser uses of he, in its place in the functions' bundles (lib/constructs/project-function.ts):
 * `encode` with its default options, which writes the characters unsafe in HTML, the controls and
 * the non-ASCII ones as hexadecimal references; mailparser encodes so the addresses' `html`. he's
 * tables of named references (87 KB, built at every cold start) serve only mailparser's textAsHtml,
 * which the functions never ask for (they parse with skipTextToHtml): asking for it fails here.
 */

/** he's `encode` options, all off by default: any of them on asks for what is not bundled. */
const ENCODE_OPTIONS = ['useNamedReferences', 'encodeEverything', 'allowUnsafeSymbols', 'decimal', 'strict'] as const;

export type EncodeOptions = Readonly<Partial<Record<(typeof ENCODE_OPTIONS)[number], boolean>>>;

// he's own patterns, for its own output: a NUL, a line break and most C1 controls stay as they are.
const UNSAFE_SYMBOL = /["&'<>`]/g;
const ASTRAL_SYMBOL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const ESCAPED_BMP_SYMBOL = /[\x01-\t\x0B\f\x0E-\x1F\x7F\x81\x8D\x8F\x90\x9D\xA0-\uFFFF]/g;

const hexReference = (codePoint: number) => `&#x${codePoint.toString(16).toUpperCase()};`;
const bmpReference = (symbol: string) => hexReference(symbol.charCodeAt(0));
const astralReference = (pair: string) => hexReference((pair.charCodeAt(0) - 0xd800) * 0x400 + pair.charCodeAt(1) - 0xdc00 + 0x10000);

/** The text as he's `encode(text)` writes it. */
export function encode(text: string, options: EncodeOptions = {}): string {
  const asked = ENCODE_OPTIONS.filter((option) => options[option]);
  if (asked.length > 0) {
    throw new Error(`he is not bundled: mailparser needs its ${asked.join(', ')} for textAsHtml, which the functions skip (skipTextToHtml)`);
  }
  return text.replace(UNSAFE_SYMBOL, bmpReference).replace(ASTRAL_SYMBOL, astralReference).replace(ESCAPED_BMP_SYMBOL, bmpReference);
}

/** The module as mailparser imports it (`import he from 'he'`). */
export default { encode };
