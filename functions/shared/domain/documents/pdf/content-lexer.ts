import { skipInlineImageData } from './inline-image.ts';
import { isRegularByte, isWhitespaceByte, PdfScanner } from './pdf-scanner.ts';
import { isName, type PdfDict, type PdfValue } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** An operator of up to three bytes as a number: cheaper to compare than a string. */
export const operatorCode = (operator: string): number =>
  operator.charCodeAt(0) | ((operator.charCodeAt(1) || 0) << 8) | ((operator.charCodeAt(2) || 0) << 16);

/** The end of the content stream. */
export const END_OF_CONTENT = -1;
/** An operator of four bytes or more: none that matters to text. */
const OTHER_OPERATOR = -2;
const INLINE_IMAGE = operatorCode('BI');

/**
 * Operands before one operator. pdf.js gives up a content stream at 33; more is garbage, or a
 * stream that is not a content stream.
 */
const MAX_OPERANDS = 33;

/**
 * Reads a content stream operator by operator, each one's operands gathered in `operands`.
 * Inline images are skipped whole.
 */
export class ContentLexer extends PdfScanner {
  readonly operands: PdfValue[] = [];

  nextOperator(): number {
    const { bytes, operands } = this;
    operands.length = 0;
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = bytes[this.pos];
      if (byte === undefined) return END_OF_CONTENT;
      const startsValue = !isRegularByte(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e;
      const operand = startsValue ? this.readValue() : this.readKeywordValue();
      if (operand !== undefined) {
        if (operands.length === MAX_OPERANDS) throw new UnsupportedPdfError('too many operands in a content stream');
        operands.push(operand);
        continue;
      }
      if (!isRegularByte(byte)) {
        // A stray delimiter ("}", ")", ">"): pdf.js skips it too.
        this.pos += 1;
        continue;
      }
      const start = this.pos;
      let end = start + 1;
      while (end < bytes.length && isRegularByte(bytes[end]!)) end += 1;
      this.pos = end;
      const length = end - start;
      const code = length > 3 ? OTHER_OPERATOR : byte | (length > 1 ? bytes[start + 1]! << 8 : 0) | (length > 2 ? bytes[start + 2]! << 16 : 0);
      if (code === INLINE_IMAGE) this.skipInlineImage();
      return code;
    }
  }

  /** Reads an inline image's dictionary up to ID, then skips its data and the EI after it. */
  private skipInlineImage(): void {
    const dict: PdfDict = new Map();
    for (;;) {
      const key = this.readValue();
      if (key === undefined) {
        if (this.atEnd || this.readKeyword() !== 'ID') throw new UnsupportedPdfError('malformed inline image');
        break;
      }
      const value = this.readValue();
      if (!isName(key) || value === undefined) throw new UnsupportedPdfError('malformed inline image');
      dict.set(key, value);
    }
    // A single whitespace byte separates ID from the data.
    const dataStart = isWhitespaceByte(this.bytes[this.pos] ?? 0) ? this.pos + 1 : this.pos;
    this.pos = skipInlineImageData(this.bytes, dataStart, dict);
  }
}
