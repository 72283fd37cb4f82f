import { hasCompatibilityCharacters, hasRightToLeftText } from './page-text.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** A character code of a shown string: its text and how far it moves the pen. */
export interface Glyph {
  readonly unicode: string;
  /** Horizontal advance in glyph space (thousandths of the font size for all but Type3 fonts). */
  readonly width: number;
  /** Vertical advance of a vertical font's glyph, in glyph space. */
  readonly verticalAdvance: number;
  /** Code 32 of a one-byte or two-byte font, which word spacing applies to (as pdf.js applies it). */
  readonly isCode32: boolean;
  readonly isWhitespace: boolean;
  readonly isZeroWidthDiacritic: boolean;
  readonly isInvisibleFormatMark: boolean;
  /** Whether its text has characters pdf.js gives in their compatibility form (a ligature, a no-break space). */
  readonly hasCompatibilityCharacters: boolean;
  readonly hasRightToLeftText: boolean;
}

export interface PdfFont {
  /** The /BaseFont: pdf.js starts a new text run when the font changes to one of another name. */
  readonly name: string;
  readonly vertical: boolean;
  /** Bytes per character code of a shown string. */
  readonly codeLength: 1 | 2;
  /** The glyph of a code; throws `UnsupportedPdfError` for a code whose text is not known. */
  glyph(code: number): Glyph;
}

/** The categories pdf.js sorts a glyph's text into, with its very expression. */
const CATEGORY = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

/** Printable ASCII, in none of the categories: most glyphs, spared the Unicode property lookups. */
const isPrintableAscii = (unicode: string): boolean => unicode.length === 1 && unicode > ' ' && unicode < '\x7f';

export function glyphOf(code: number, unicode: string, width: number, verticalAdvance = 0): Glyph {
  const printableAscii = isPrintableAscii(unicode);
  const category = printableAscii ? null : CATEGORY.exec(unicode);
  return {
    unicode,
    width,
    verticalAdvance,
    isCode32: code === 32,
    isWhitespace: category?.[1] !== undefined,
    isZeroWidthDiacritic: category?.[2] !== undefined,
    isInvisibleFormatMark: category?.[3] !== undefined,
    hasCompatibilityCharacters: !printableAscii && hasCompatibilityCharacters(unicode),
    hasRightToLeftText: !printableAscii && hasRightToLeftText(unicode),
  };
}

export function unmappableCode(font: string, code: number): UnsupportedPdfError {
  return new UnsupportedPdfError(`font ${font}: no text for code ${code}`);
}
