import type { PageView } from './page-tree.ts';
import type { PdfFont } from './pdf-font.ts';
import type { TextSink } from './text-sink.ts';
import { vectorLength, type Matrix, type TextState } from './text-state.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

// Thresholds, in fractions of the font size, by which pdf.js's getTextContent decides what a gap
// between two glyphs is. The text must break where pdf.js breaks it: the member-number and
// location rules were written against its output.
/** A gap beyond this is a space between words. */
const TRACKING_SPACE_MIN = 0.102;
/** A gap up to this is no space, even after a space glyph. */
const NOT_A_SPACE = 0.03;
/** Moving back further than this starts a new run, on a new line if the baseline moved too. */
const NEGATIVE_SPACE_MAX = -0.2;
/** A gap within these is a space inside the run; a wider one ends the run with a space. */
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
/** A baseline shift beyond this fraction of the text height ends the run (a superscript, a new line). */
const RUN_BREAK_SHIFT = 0.25;
/** Moving back with the baseline shifted by more than this fraction of the text height is a new line. */
const LINE_BREAK_SHIFT_AFTER_MOVING_BACK = 0.5;
/** Text space units per glyph space unit: the FontMatrix of every font but Type3. */
const GLYPH_SPACE_SCALE = 0.001;

/**
 * Lays glyphs out into text as pdf.js's getTextContent does for one content stream (a page or a
 * form): glyphs are grouped into runs, and a space or a line end is put between two glyphs from
 * where the second is drawn relative to the first. Only the resulting text is kept.
 */
export class TextLayout {
  private runStarted = false;
  private vertical = false;
  private width = 0;
  private totalWidth = 0;
  private height = 0;
  private totalHeight = 0;
  private advanceScale = 0;
  /** Where the last glyph ended, once one has been drawn. */
  private previousTransform: Matrix | undefined;
  /**
   * Whether the pen is still where the last glyph ended, nothing having moved the text matrix since
   * within one string: the next glyph is then drawn at `previousTransform`, right after it, which
   * only needs checking against the page.
   */
  private penAtPreviousGlyphEnd = false;
  private readonly transform: Matrix = [0, 0, 0, 0, 0, 0];
  private previousTextRise = 0;
  private trackingSpaceMin = Infinity;
  private notASpace = -Infinity;
  private negativeSpaceMax = -Infinity;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  /** Whether the last two characters seen, a space glyph included, were spaces: a space is kept between words only once. */
  private olderCharIsSpace = true;
  private newerCharIsSpace = true;
  /** The font and size of the run, whose change starts a new run. */
  private runFont: { font: PdfFont | undefined; fontName: string | undefined; fontSize: number } | undefined;

  constructor(
    private readonly sink: TextSink,
    private readonly view: PageView,
  ) {}

  /** Tj, and each string of TJ with the adjustment after it, in text space units. */
  showText(state: TextState, codes: Uint8Array, extraSpacing: number): void {
    const font = state.font!;
    this.runFont ??= { font: state.font, fontName: state.fontName, fontSize: state.fontSize };
    const { runFont } = this;
    const otherFont = runFont.fontName !== state.fontName && (runFont.font?.name !== font.name || runFont.font?.vertical !== font.vertical);
    if (runFont.fontSize !== state.fontSize || otherFont) {
      this.flush();
      this.runFont = { font: state.font, fontName: state.fontName, fontSize: state.fontSize };
    }
    const { vertical } = font;
    const charSpacing = vertical ? -state.charSpacing : state.charSpacing;
    if (codes.length === 0) {
      const spacing = charSpacing + extraSpacing;
      if (spacing) this.advance(state, font, spacing);
      return;
    }
    const { codeLength } = font;
    if (codes.length % codeLength !== 0) throw new UnsupportedPdfError('string cut within a character code');
    const count = codes.length / codeLength;
    const scale = GLYPH_SPACE_SCALE * state.fontSize;
    this.penAtPreviousGlyphEnd = false;
    let previousTransformSetInString = false;
    for (let index = 0; index < count; index += 1) {
      const glyph = font.glyph(codeLength === 1 ? codes[index]! : (codes[2 * index]! << 8) | codes[2 * index + 1]!);
      if (glyph.isInvisibleFormatMark) continue;
      let spacing = charSpacing + (index + 1 === count ? extraSpacing : 0);
      let advance = (vertical ? glyph.verticalAdvance : glyph.width) * scale;
      if (glyph.isCode32) spacing += state.wordSpacing;
      if (glyph.isWhitespace) {
        if (vertical) state.translateTextMatrix(0, -(spacing - advance));
        else state.translateTextMatrix((spacing + advance) * state.textHScale, 0);
        this.penAtPreviousGlyphEnd = false;
        this.saveLastChar(true);
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !this.isDrawn(state, font, vertical, advance)) {
        if (vertical) state.translateTextMatrix(0, advance);
        else state.translateTextMatrix(advance * state.textHScale, 0);
        this.penAtPreviousGlyphEnd = false;
        continue;
      }
      this.startRun(state, font);
      if (glyph.isZeroWidthDiacritic) advance = 0;
      if (vertical) {
        state.translateTextMatrix(0, advance);
        advance = Math.abs(advance);
        this.height += advance;
      } else {
        advance *= state.textHScale;
        state.translateTextMatrix(advance, 0);
        this.width += advance;
      }
      if (advance) {
        this.previousTransform = previousTransformSetInString
          ? state.currentOrigin(this.previousTransform!)
          : state.currentTransform(this.previousTransform ?? [0, 0, 0, 0, 0, 0]);
        previousTransformSetInString = true;
        this.previousTextRise = state.textRise;
      }
      this.penAtPreviousGlyphEnd = advance !== 0 && spacing === 0 && isNumericPosition(this.previousTransform!);
      if (this.saveLastChar(glyph.unicode === ' ')) this.sink.write(' ');
      this.sink.writeGlyph(glyph);
      if (spacing) this.advance(state, font, spacing);
    }
  }

  private advance(state: TextState, font: PdfFont, spacing: number): void {
    if (font.vertical) state.translateTextMatrix(0, -spacing);
    else state.translateTextMatrix(spacing * state.textHScale, 0);
  }

  /** Tm: a run measured at one scale goes on at another. */
  textMatrixChanged(state: TextState): void {
    if (!this.runStarted) return;
    const scale = state.textAdvanceScale();
    if (scale === this.advanceScale) return;
    if (this.vertical) {
      this.totalHeight += this.height * this.advanceScale;
      this.height = 0;
    } else {
      this.totalWidth += this.width * this.advanceScale;
      this.width = 0;
    }
    this.advanceScale = scale;
  }

  /** Ends the run: what follows is measured afresh. */
  flush(): void {
    if (!this.runStarted) return;
    if (this.vertical) this.totalHeight += this.height * this.advanceScale;
    else this.totalWidth += this.width * this.advanceScale;
    this.runStarted = false;
  }

  private startRun(state: TextState, font: PdfFont): void {
    if (this.runStarted) return;
    const transform = state.currentTransform(this.transform);
    this.vertical = font.vertical;
    if (font.vertical) {
      this.width = this.totalWidth = vectorLength(transform[0], transform[1]);
      this.height = this.totalHeight = 0;
    } else {
      this.width = this.totalWidth = 0;
      this.height = this.totalHeight = vectorLength(transform[2], transform[3]);
    }
    this.advanceScale = state.textAdvanceScale();
    const { fontSize } = state;
    this.trackingSpaceMin = fontSize * TRACKING_SPACE_MIN;
    this.notASpace = fontSize * NOT_A_SPACE;
    this.negativeSpaceMax = fontSize * NEGATIVE_SPACE_MAX;
    this.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN;
    this.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX;
    this.runStarted = true;
  }

  /** Remembers a character; whether a space belongs before it: a word, then a space, before it. */
  private saveLastChar(isSpace: boolean): boolean {
    const spaceBetween = this.shouldAddWhitespace();
    this.olderCharIsSpace = this.newerCharIsSpace;
    this.newerCharIsSpace = isSpace;
    return spaceBetween;
  }

  private shouldAddWhitespace(): boolean {
    return !this.olderCharIsSpace && this.newerCharIsSpace;
  }

  private resetLastChars(): void {
    this.olderCharIsSpace = true;
    this.newerCharIsSpace = true;
  }

  private endLine(): void {
    this.resetLastChars();
    this.sink.write('\n');
    this.flush();
  }

  /**
   * compareWithLastPosition, spared its work when the glyph follows the last one in the same
   * string: nothing separates them, and it is drawn if it is on the page.
   */
  private isDrawn(state: TextState, font: PdfFont, vertical: boolean, glyphAdvance: number): boolean {
    if (!this.penAtPreviousGlyphEnd) return this.compareWithLastPosition(state, font, glyphAdvance);
    const previous = this.previousTransform!;
    return this.isOnPage(vertical, previous[4], previous[5], glyphAdvance);
  }

  /** Whether a glyph drawn at (x, y) is on the page: pdf.js leaves out text drawn outside it. */
  private isOnPage(vertical: boolean, x: number, y: number, glyphAdvance: number): boolean {
    const { view } = this;
    if (vertical) return !(x < view[0] || x > view[2] || y + glyphAdvance < view[1] || y > view[3]);
    return !(x + glyphAdvance < view[0] || x > view[2] || y < view[1] || y > view[3]);
  }

  /**
   * Whether the glyph about to be drawn is on the page, and what separates it from the previous
   * one: nothing, a space, or a line end (pdf.js's compareWithLastPosition).
   */
  private compareWithLastPosition(state: TextState, font: PdfFont, glyphAdvance: number): boolean {
    const transform = state.currentTransform(this.transform);
    let x = transform[4];
    let y = transform[5];
    if (!this.isOnPage(font.vertical, x, y, glyphAdvance)) return false;
    const previous = this.previousTransform;
    if (previous === undefined) return true;
    let previousX = previous[4];
    let previousY = previous[5];
    if (previousX === x && previousY === y) return true;
    const upright = transform[0] > 0 && transform[1] === 0 && transform[2] === 0;
    if (!upright) [x, y, previousX, previousY] = unrotated(transform, previous, x, y, previousX, previousY);

    if (font.vertical) return this.compareVertically(y, x, previousY, previousX);
    const advance = (x - previousX) / this.advanceScale;
    const shift = y - previousY;
    const direction = Math.sign(this.width || this.totalWidth);
    if (advance < direction * this.negativeSpaceMax) {
      if (Math.abs(shift) > LINE_BREAK_SHIFT_AFTER_MOVING_BACK * this.height) this.endLine();
      else {
        this.resetLastChars();
        this.flush();
      }
      return true;
    }
    const riseChange = state.textRise - this.previousTextRise;
    const baselineShift = riseChange === 0 ? shift : shift - (transform[3] / state.fontSize) * riseChange;
    if (Math.abs(baselineShift) > this.height) {
      this.endLine();
      return true;
    }
    this.separate(advance, direction, false);
    if (Math.abs(shift) > this.height * RUN_BREAK_SHIFT) this.flush();
    return true;
  }

  private compareVertically(y: number, x: number, previousY: number, previousX: number): boolean {
    const advance = (previousY - y) / this.advanceScale;
    const shift = x - previousX;
    const direction = Math.sign(this.height || this.totalHeight);
    if (advance < direction * this.negativeSpaceMax) {
      if (Math.abs(shift) > LINE_BREAK_SHIFT_AFTER_MOVING_BACK * this.width) this.endLine();
      else {
        this.resetLastChars();
        this.flush();
      }
      return true;
    }
    if (Math.abs(shift) > this.width) {
      this.endLine();
      return true;
    }
    this.separate(advance, direction, true);
    if (Math.abs(shift) > this.width * RUN_BREAK_SHIFT) this.flush();
    return true;
  }

  /** Counts a gap that is no new run into the run's extent. */
  private extendRun(gap: number, vertical: boolean): void {
    if (vertical) this.height += gap;
    else this.width += gap;
  }

  /** A space, or none, for a gap along the line of `advance` (in text space units). */
  private separate(advance: number, direction: number, vertical: boolean): void {
    if (advance <= direction * this.notASpace) this.resetLastChars();
    if (advance <= direction * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.sink.write(' ');
      } else {
        this.extendRun(advance, vertical);
      }
      return;
    }
    if (direction * this.spaceInFlowMin <= advance && advance <= direction * this.spaceInFlowMax) {
      this.resetLastChars();
      this.sink.write(' ');
      if (this.runStarted) this.extendRun(advance, vertical);
      return;
    }
    this.flush();
    this.resetLastChars();
    this.sink.write(' ');
  }
}

/** A position that is not a number is not equal to itself: compareWithLastPosition takes it the long way. */
const isNumericPosition = (transform: Matrix): boolean => !Number.isNaN(transform[4] + transform[5]);

type Quad = [x: number, y: number, previousX: number, previousY: number];

/**
 * Positions of text that is not upright turned back so that it runs left to right along x, as
 * pdf.js turns them: by a quarter or half turn, else by the inverse of the text's rotation.
 */
function unrotated(transform: Matrix, previous: Matrix, x: number, y: number, previousX: number, previousY: number): Quad {
  if (transform[0] && transform[1] === 0 && transform[2] === 0) return [-x, -y, -previousX, -previousY];
  if (transform[1] && transform[0] === 0 && transform[3] === 0) {
    return transform[1] > 0 ? [y, x, previousY, previousX] : [-y, -x, -previousY, -previousX];
  }
  return [...inverseRotation(x, y, transform), ...inverseRotation(previousX, previousY, previous)];
}

function inverseRotation(x: number, y: number, matrix: Matrix): [number, number] {
  const scale = vectorLength(matrix[0], matrix[1]);
  return [(matrix[0] * x + matrix[1] * y) / scale, (matrix[2] * x + matrix[3] * y) / scale];
}
