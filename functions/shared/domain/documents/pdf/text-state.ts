import type { PdfFont } from './pdf-font.ts';

export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

/** a × b, written as pdf.js's Util.transform writes it, so positions round the same way. */
export function multiply(a: Readonly<Matrix>, b: Readonly<Matrix>): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

const identity = (): Matrix => [1, 0, 0, 1, 0, 0];

/**
 * Math.hypot as pdf.js measures with it, without its cost in the usual unrotated case, where one
 * of the two is 0 and the length exactly the other's magnitude.
 */
export const vectorLength = (x: number, y: number): number => {
  if (y === 0) return Math.abs(x);
  return x === 0 ? Math.abs(y) : Math.hypot(x, y);
};

/**
 * The graphics and text state that text positions depend on. Like pdf.js, `q`/`Q` save and
 * restore all of it, the text matrices included.
 */
export class TextState {
  ctm: Matrix = identity();
  font: PdfFont | undefined;
  /** The font's resource name, as Tf selects it. */
  fontName: string | undefined;
  fontSize = 0;
  textMatrix: Matrix = identity();
  textLineMatrix: Matrix = identity();
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    const copy = Object.assign(new TextState(), this);
    copy.ctm = [...this.ctm];
    copy.textMatrix = [...this.textMatrix];
    copy.textLineMatrix = [...this.textLineMatrix];
    return copy;
  }

  beginText(): void {
    this.textMatrix = identity();
    this.textLineMatrix = identity();
  }

  setTextMatrices(matrix: Readonly<Matrix>): void {
    this.textMatrix = [...matrix];
    this.textLineMatrix = [...matrix];
  }

  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  }

  /** Td: moves to the start of a line, and the text matrix with it. */
  moveTextLine(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
    this.textMatrix = [...m];
  }

  carriageReturn(): void {
    this.moveTextLine(0, -this.leading);
  }

  /**
   * Where the next glyph is drawn, in device space, written into `out`: pdf.js's
   * getCurrentTextTransform, without the two matrices it allocates per glyph.
   */
  currentTransform(out: Matrix): Matrix {
    const t = this.textMatrix;
    const c = this.ctm;
    const horizontalSize = this.fontSize * this.textHScale;
    const { fontSize } = this;
    // textMatrix × [horizontalSize, 0, 0, fontSize, 0, textRise], term by term as `multiply` computes it.
    const i0 = t[0] * horizontalSize + t[2] * 0;
    const i1 = t[1] * horizontalSize + t[3] * 0;
    const i2 = t[0] * 0 + t[2] * fontSize;
    const i3 = t[1] * 0 + t[3] * fontSize;
    out[0] = c[0] * i0 + c[2] * i1;
    out[1] = c[1] * i0 + c[3] * i1;
    out[2] = c[0] * i2 + c[2] * i3;
    out[3] = c[1] * i2 + c[3] * i3;
    return this.currentOrigin(out);
  }

  /**
   * Only where the next glyph is drawn (`out[4]`, `out[5]` of currentTransform), the rest of `out`
   * left as it is: along a string only the text matrix's translation changes, and with it only these.
   */
  currentOrigin(out: Matrix): Matrix {
    const t = this.textMatrix;
    const c = this.ctm;
    const { textRise } = this;
    const i4 = t[0] * 0 + t[2] * textRise + t[4];
    const i5 = t[1] * 0 + t[3] * textRise + t[5];
    out[4] = c[0] * i4 + c[2] * i5 + c[4];
    out[5] = c[1] * i4 + c[3] * i5 + c[5];
    return out;
  }

  /** Device units per text-space unit along the line, which pdf.js measures gaps in. */
  textAdvanceScale(): number {
    return vectorLength(this.ctm[0], this.ctm[1]) * vectorLength(this.textLineMatrix[0], this.textLineMatrix[1]);
  }
}
