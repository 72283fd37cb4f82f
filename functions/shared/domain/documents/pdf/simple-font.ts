import { encodingGlyphNames, type EncodingName } from './font-encodings.ts';
import { unicodeOfGlyphName } from './glyph-list.ts';
import { glyphOf, unmappableCode, type Glyph, type PdfFont } from './pdf-font.ts';
import { standardGlyphWidths } from './standard-font-widths.ts';
import type { ToUnicodeCMap } from './to-unicode-cmap.ts';

/** How a one-byte font (Type1, TrueType) names its glyphs and measures them. */
export interface SimpleFontDescription {
  readonly name: string;
  readonly toUnicode: ToUnicodeCMap | undefined;
  /** The encoding of codes /Differences does not name; undefined when only the font program knows it. */
  readonly encoding: EncodingName | undefined;
  readonly differences: readonly (string | undefined)[];
  /** Whether the font dictionary gives an /Encoding, which pdf.js then falls back to for codes its ToUnicode lacks. */
  readonly hasEncoding: boolean;
  /** /Widths by code, or undefined to take them from the standard font metrics. */
  readonly widths: readonly (number | undefined)[] | undefined;
  readonly missingWidth: number;
  /** pdf.js takes the codes a non-embedded Type1 font's encoding leaves empty for spaces. */
  readonly blanksUnencodedCodes: boolean;
}

export class SimpleFont implements PdfFont {
  readonly vertical = false;
  readonly codeLength = 1;
  private readonly glyphCache: (Glyph | undefined)[] = new Array(256);
  /** Found from the font's name once, when a glyph first needs them. */
  private standardWidths: ((glyphName: string) => number) | undefined;

  constructor(private readonly description: SimpleFontDescription) {}

  get name(): string {
    return this.description.name;
  }

  glyph(code: number): Glyph {
    return (this.glyphCache[code] ??= this.glyphOfCode(code));
  }

  private glyphOfCode(code: number): Glyph {
    if (this.description.blanksUnencodedCodes && this.isUnencoded(code)) {
      return glyphOf(code, ' ', this.widthOf(code) || this.spaceWidth());
    }
    const unicode = this.unicodeOf(code);
    if (unicode === undefined) throw unmappableCode(this.name, code);
    return glyphOf(code, unicode, this.widthOf(code));
  }

  /** The text pdf.js gives a code: its ToUnicode's, else its glyph name's, else the code itself as a character. */
  private unicodeOf(code: number): string | undefined {
    const { toUnicode, hasEncoding, encoding } = this.description;
    const mapped = toUnicode?.lookup(code);
    if (mapped) return mapped;
    if (toUnicode === undefined || hasEncoding) {
      const glyphName = this.glyphNameOf(code);
      // A name the partial glyph list lacks may be in pdf.js's whole one: left to it.
      if (glyphName !== undefined) return unicodeOfGlyphName(glyphName);
    }
    // Codes an embedded program's own encoding names are only known to pdf.js.
    if (toUnicode === undefined && encoding === undefined) return undefined;
    return String.fromCharCode(code);
  }

  private isUnencoded(code: number): boolean {
    const { differences, encoding } = this.description;
    return differences[code] === undefined && (encoding === undefined || encodingGlyphNames(encoding)[code] === undefined);
  }

  /** The width of the code the encoding names "space". */
  private spaceWidth(): number {
    const { encoding } = this.description;
    const space = encoding === undefined ? -1 : encodingGlyphNames(encoding).indexOf('space');
    return space < 0 ? 0 : this.widthOf(space);
  }

  private glyphNameOf(code: number): string | undefined {
    const { differences, encoding } = this.description;
    const difference = differences[code];
    if (difference !== undefined && difference !== '.notdef') return difference;
    return encoding === undefined ? undefined : encodingGlyphNames(encoding)[code];
  }

  /** pdf.js's width: /Widths, else the standard metrics of the glyph /Differences names, else of the encoding's. */
  private widthOf(code: number): number {
    const { widths, missingWidth, differences, encoding, name } = this.description;
    if (widths !== undefined) return widths[code] ?? missingWidth;
    const standardWidth = (this.standardWidths ??= standardGlyphWidths(name));
    const metricsWidth = (glyphName: string | undefined): number => (glyphName === undefined ? 0 : standardWidth(glyphName));
    return metricsWidth(differences[code]) || metricsWidth(encoding === undefined ? undefined : encodingGlyphNames(encoding)[code]);
  }
}
