import { glyphOf, unmappableCode, type Glyph, type PdfFont } from './pdf-font.ts';
import type { ToUnicodeCMap } from './to-unicode-cmap.ts';

/**
 * How a Type0 font with an Identity encoding (two bytes per code, the code being the CID) maps
 * and measures its glyphs.
 */
export interface CompositeFontDescription {
  readonly name: string;
  readonly vertical: boolean;
  /** Undefined for a ToUnicode of /Identity-H: each code is its own code point. */
  readonly toUnicode: ToUnicodeCMap | undefined;
  readonly widths: ReadonlyMap<number, number>;
  readonly defaultWidth: number;
  /** Vertical advance (w1y of /W2) by CID, for a vertical font. */
  readonly verticalAdvances: ReadonlyMap<number, number>;
  readonly defaultVerticalAdvance: number;
}

export class IdentityCompositeFont implements PdfFont {
  readonly codeLength = 2;
  private readonly glyphCache = new Map<number, Glyph>();

  constructor(private readonly description: CompositeFontDescription) {}

  get name(): string {
    return this.description.name;
  }

  get vertical(): boolean {
    return this.description.vertical;
  }

  glyph(code: number): Glyph {
    let glyph = this.glyphCache.get(code);
    if (glyph === undefined) {
      glyph = this.glyphOfCode(code);
      this.glyphCache.set(code, glyph);
    }
    return glyph;
  }

  private glyphOfCode(code: number): Glyph {
    const { toUnicode, widths, defaultWidth, verticalAdvances, defaultVerticalAdvance } = this.description;
    const unicode = toUnicode === undefined ? String.fromCodePoint(code) : toUnicode.lookup(code);
    if (!unicode) throw unmappableCode(this.name, code);
    return glyphOf(code, unicode, widths.get(code) ?? defaultWidth, verticalAdvances.get(code) ?? defaultVerticalAdvance);
  }
}
