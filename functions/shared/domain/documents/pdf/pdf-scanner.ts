import { PdfRef, type PdfDict, type PdfValue } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

const REGULAR = 0;
const WHITESPACE = 1;
const DELIMITER = 2;

/** The class of each byte in PDF syntax (PDF 32000-1, 7.2.2). */
const BYTE_CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) BYTE_CLASS[byte] = WHITESPACE;
for (const byte of Buffer.from('()<>[]{}/%', 'latin1')) BYTE_CLASS[byte] = DELIMITER;

export const isWhitespaceByte = (byte: number): boolean => BYTE_CLASS[byte] === WHITESPACE;
export const isRegularByte = (byte: number): boolean => BYTE_CLASS[byte] === REGULAR;

/** Nesting of arrays and dictionaries beyond which a file is taken as built to exhaust the stack. */
const MAX_NESTING = 64;

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let digit = 0; digit < 16; digit += 1) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(digit)] = digit;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}

const ESCAPED_BYTE: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

const keywordCode = (word: string): number => word.charCodeAt(0) | (word.charCodeAt(1) << 8) | ((word.charCodeAt(2) || 0) << 16);
const TRUE = keywordCode('tru');
const FALSE = keywordCode('fal');
const NULL = keywordCode('nul');

/**
 * Reads PDF tokens from bytes: the syntax shared by the file's objects, content streams and CMaps.
 * Values come out as `PdfValue`s; object references (`1 0 R`) only where `readsReferences`.
 */
export class PdfScanner {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    private readonly readsReferences = false,
  ) {
    this.pos = start;
  }

  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  skipWhitespaceAndComments(): void {
    const { bytes } = this;
    for (;;) {
      while (this.pos < bytes.length && BYTE_CLASS[bytes[this.pos]!] === WHITESPACE) this.pos += 1;
      if (bytes[this.pos] !== 0x25) return;
      while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos += 1;
    }
  }

  /** The run of regular bytes at the position, as text: an operator or a keyword. */
  readKeyword(): string {
    const start = this.pos;
    while (this.pos < this.bytes.length && BYTE_CLASS[this.bytes[this.pos]!] === REGULAR) this.pos += 1;
    return latin1(this.bytes, start, this.pos);
  }

  /** Whether the keyword follows (after whitespace), consuming it if so. */
  skipKeyword(word: string): boolean {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    if (this.readKeyword() === word) return true;
    this.pos = start;
    return false;
  }

  /** A number as pdf.js reads it: all digits as an integer, divided by the power of ten of the decimals. */
  readNumber(): number {
    const { bytes } = this;
    let sign = 1;
    let byte = bytes[this.pos];
    if (byte === 0x2d || byte === 0x2b) {
      if (byte === 0x2d) sign = -1;
      this.pos += 1;
      // pdf.js reads "--5" as -5; some producers write it.
      while (bytes[this.pos] === 0x2d) this.pos += 1;
    }
    let value = 0;
    let divisor = 0;
    for (; this.pos < bytes.length; this.pos += 1) {
      byte = bytes[this.pos]!;
      if (byte >= 0x30 && byte <= 0x39) {
        value = value * 10 + (byte - 0x30);
        if (divisor !== 0) divisor *= 10;
      } else if (byte === 0x2e && divisor === 0) {
        divisor = 1;
      } else {
        break;
      }
    }
    return sign * (divisor > 1 ? value / divisor : value);
  }

  /** A name, without its slash, "#xx" escapes decoded; the position is on the slash. */
  readName(): string {
    const { bytes } = this;
    const start = (this.pos += 1);
    while (this.pos < bytes.length && BYTE_CLASS[bytes[this.pos]!] === REGULAR && bytes[this.pos] !== 0x23) this.pos += 1;
    if (bytes[this.pos] !== 0x23) return latin1(bytes, start, this.pos);
    let name = latin1(bytes, start, this.pos);
    while (this.pos < bytes.length && BYTE_CLASS[bytes[this.pos]!] === REGULAR) {
      const byte = bytes[this.pos]!;
      const high = HEX_VALUE[bytes[this.pos + 1] ?? 0]!;
      const low = HEX_VALUE[bytes[this.pos + 2] ?? 0]!;
      if (byte === 0x23 && high >= 0 && low >= 0) {
        name += String.fromCharCode((high << 4) | low);
        this.pos += 3;
      } else {
        name += String.fromCharCode(byte);
        this.pos += 1;
      }
    }
    return name;
  }

  /** A literal string's bytes, escapes decoded; the position is on the opening parenthesis. */
  readLiteralString(): Uint8Array {
    const { bytes } = this;
    const start = this.pos + 1;
    let depth = 1;
    let end = start;
    // Most strings have no escape: their bytes are taken as they are.
    for (; end < bytes.length; end += 1) {
      const byte = bytes[end];
      if (byte === 0x5c) break;
      if (byte === 0x28) depth += 1;
      else if (byte === 0x29 && --depth === 0) {
        this.pos = end + 1;
        return bytes.subarray(start, end);
      }
    }
    return this.readEscapedString(start);
  }

  private readEscapedString(start: number): Uint8Array {
    const { bytes } = this;
    const out: number[] = [];
    let depth = 1;
    let pos = start;
    while (pos < bytes.length) {
      const byte = bytes[pos++]!;
      if (byte === 0x28) depth += 1;
      else if (byte === 0x29 && --depth === 0) break;
      if (byte !== 0x5c) {
        out.push(byte);
        continue;
      }
      const next = bytes[pos++];
      if (next === undefined) break;
      if (next >= 0x30 && next <= 0x37) {
        let code = next - 0x30;
        for (let digits = 1; digits < 3 && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x37; digits += 1) code = code * 8 + (bytes[pos++]! - 0x30);
        out.push(code & 0xff);
      } else if (next === 0x0d) {
        if (bytes[pos] === 0x0a) pos += 1;
      } else if (next !== 0x0a) {
        out.push(ESCAPED_BYTE[next] ?? next);
      }
    }
    this.pos = pos;
    return Uint8Array.from(out);
  }

  /** A hexadecimal string's bytes; the position is on the "<". Stray characters are skipped as pdf.js does. */
  readHexString(): Uint8Array {
    const { bytes } = this;
    const start = this.pos + 1;
    const closing = bytes.indexOf(0x3e, start);
    const end = closing < 0 ? bytes.length : closing;
    const out = Buffer.allocUnsafe((end - start + 1) >> 1);
    let length = 0;
    let high = -1;
    for (let pos = start; pos < end; pos += 1) {
      const digit = HEX_VALUE[bytes[pos]!]!;
      if (digit < 0) continue;
      if (high < 0) high = digit;
      else {
        out[length++] = (high << 4) | digit;
        high = -1;
      }
    }
    if (high >= 0) out[length++] = high << 4;
    this.pos = end + 1;
    // Cut only when stray characters made it shorter: a Buffer's subarray costs more than its allocation.
    return length === out.length ? out : out.subarray(0, length);
  }

  /**
   * The value at the position, whitespace skipped first; undefined at the end of the bytes or on a
   * keyword that is not a value (an operator, "endobj", "stream"), the position left on it.
   */
  readValue(depth = 0): PdfValue | undefined {
    this.skipWhitespaceAndComments();
    const { bytes } = this;
    const byte = bytes[this.pos];
    switch (byte) {
      case undefined:
        return undefined;
      case 0x2f:
        return this.readName();
      case 0x28:
        return this.readLiteralString();
      case 0x5b:
        return this.readArray(depth + 1);
      case 0x3c:
        return bytes[this.pos + 1] === 0x3c ? this.readDict(depth + 1) : this.readHexString();
      default:
        if ((byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e) return this.readNumberOrReference();
        return this.readKeywordValue();
    }
  }

  /** true, false or null at the position, consumed; undefined, the position left, for any other keyword. */
  protected readKeywordValue(): boolean | null | undefined {
    const { bytes, pos } = this;
    const code = (bytes[pos] ?? 0) | ((bytes[pos + 1] ?? 0) << 8) | ((bytes[pos + 2] ?? 0) << 16);
    if (code !== TRUE && code !== FALSE && code !== NULL) return undefined;
    const word = this.readKeyword();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    this.pos = pos;
    return undefined;
  }

  private readNumberOrReference(): number | PdfRef {
    const value = this.readNumber();
    if (!this.readsReferences || !Number.isInteger(value) || value < 0) return value;
    const afterNumber = this.pos;
    this.skipWhitespaceAndComments();
    const generationStart = this.pos;
    const byte = this.bytes[generationStart];
    if (byte !== undefined && byte >= 0x30 && byte <= 0x39) {
      const generation = this.readNumber();
      this.skipWhitespaceAndComments();
      if (this.bytes[this.pos] === 0x52 && !isRegularByte(this.bytes[this.pos + 1] ?? 0x20) && Number.isInteger(generation)) {
        this.pos += 1;
        return new PdfRef(value, generation);
      }
    }
    this.pos = afterNumber;
    return value;
  }

  readArray(depth: number): PdfValue[] {
    if (depth > MAX_NESTING) throw new UnsupportedPdfError('objects nested too deep');
    this.pos += 1;
    const array: PdfValue[] = [];
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.bytes[this.pos] === 0x5d) {
        this.pos += 1;
        return array;
      }
      const value = this.readValue(depth);
      if (value === undefined) throw new UnsupportedPdfError('malformed array');
      array.push(value);
    }
  }

  readDict(depth: number): PdfDict {
    if (depth > MAX_NESTING) throw new UnsupportedPdfError('objects nested too deep');
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.bytes[this.pos];
      if (byte === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return dict;
      }
      if (byte !== 0x2f) throw new UnsupportedPdfError('malformed dictionary');
      const key = this.readName();
      const value = this.readValue(depth);
      if (value === undefined) throw new UnsupportedPdfError('malformed dictionary');
      // A null value is the same as no entry (PDF 32000-1, 7.3.7).
      if (value !== null) dict.set(key, value);
    }
  }
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let text = '';
    for (let index = start; index < end; index += 1) text += String.fromCharCode(bytes[index]!);
    return text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
