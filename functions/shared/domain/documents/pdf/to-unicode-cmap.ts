import { PdfScanner } from './pdf-scanner.ts';
import { isNumber, isPdfString } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/**
 * What codes map to: text, or the first code's destination that the next codes count on from
 * (UTF-16 bytes for bfrange, a code point for cidrange).
 */
type Destination = { readonly text: string } | { readonly rangeStart: Uint8Array } | { readonly codePointStart: number };

interface Mapping {
  readonly low: number;
  readonly high: number;
  readonly destination: Destination;
}

/**
 * A /ToUnicode CMap: the text of each character code of a font. Ranges are kept as ranges (a
 * font may map all 65536 codes in a hundred lines) and looked up newest first, since pdf.js lets a
 * later line override an earlier one.
 */
export class ToUnicodeCMap {
  private readonly singles = new Map<number, { readonly text: string; readonly order: number }>();
  private readonly ranges: (Mapping & { readonly order: number })[] = [];
  private order = 0;

  add(mapping: Mapping): void {
    const order = (this.order += 1);
    if (mapping.low === mapping.high && 'text' in mapping.destination) this.singles.set(mapping.low, { text: mapping.destination.text, order });
    else this.ranges.push({ ...mapping, order });
  }

  /** The text of a code, undefined when the CMap does not map it. */
  lookup(code: number): string | undefined {
    const single = this.singles.get(code);
    for (let index = this.ranges.length - 1; index >= 0; index -= 1) {
      const range = this.ranges[index]!;
      if (single !== undefined && range.order < single.order) break;
      if (code >= range.low && code <= range.high) return textOf(range.destination, code - range.low);
    }
    return single?.text;
  }
}

function textOf(destination: Destination, offset: number): string | undefined {
  if ('text' in destination) return destination.text;
  if ('codePointStart' in destination) return codePointText(destination.codePointStart + offset);
  return utf16Text(incremented(destination.rangeStart, offset));
}

/**
 * pdf.js counts a range's destination on in its last byte, carrying into the one before: the
 * last two bytes as a 16-bit number. Beyond that it makes garbage, which is left to it.
 */
function incremented(start: Uint8Array, offset: number): Uint8Array | undefined {
  if (offset === 0) return start;
  const bytes = Uint8Array.from(start);
  const last = bytes.length - 1;
  if (last === 0) {
    const value = bytes[0]! + offset;
    if (value > 0xff) return undefined;
    bytes[0] = value;
    return bytes;
  }
  const value = ((bytes[last - 1]! << 8) | bytes[last]!) + offset;
  if (value > 0xffff) return undefined;
  bytes[last - 1] = value >> 8;
  bytes[last] = value & 0xff;
  return bytes;
}

/** UTF-16BE as pdf.js decodes CMap destinations: a leading zero byte added to an odd length. */
function utf16Text(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined || bytes.length === 0) return undefined;
  const start = bytes.length % 2;
  const unit = (index: number): number => (index < 0 ? 0 : bytes[index]!) * 256 + bytes[index + 1]!;
  const codePoints: number[] = [];
  for (let index = -start; index < bytes.length - start; index += 2) {
    const first = unit(index);
    if ((first & 0xf800) !== 0xd800) {
      codePoints.push(first);
      continue;
    }
    index += 2;
    if (index + 1 >= bytes.length) return undefined;
    codePoints.push(((first & 0x3ff) << 10) + (unit(index) & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...codePoints);
}

function codePointText(codePoint: number): string | undefined {
  return codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

const codeOf = (bytes: Uint8Array): number => bytes.reduce((code, byte) => code * 256 + byte, 0);

/** Reads the bfchar, bfrange, cidchar and cidrange sections of a ToUnicode CMap stream. */
export function parseToUnicodeCMap(data: Uint8Array): ToUnicodeCMap {
  const cmap = new ToUnicodeCMap();
  const scanner = new PdfScanner(data);
  for (;;) {
    // Operands of the PostScript around the mappings (CIDSystemInfo, names, sizes) are not needed.
    if (scanner.readValue() !== undefined) continue;
    if (scanner.atEnd) return cmap;
    const keyword = scanner.readKeyword();
    if (keyword === '') {
      // A stray delimiter ("{", "}" of the PostScript around the CMap).
      scanner.pos += 1;
    } else if (keyword === 'beginbfchar' || keyword === 'begincidchar') {
      readChars(scanner, cmap, keyword === 'begincidchar');
    } else if (keyword === 'beginbfrange' || keyword === 'begincidrange') {
      readRanges(scanner, cmap, keyword === 'begincidrange');
    } else if (keyword === 'usecmap') {
      throw new UnsupportedPdfError('ToUnicode CMap based on another CMap');
    }
  }
}

function readChars(scanner: PdfScanner, cmap: ToUnicodeCMap, toCodePoints: boolean): void {
  for (;;) {
    const source = scanner.readValue();
    if (source === undefined) return skipSectionEnd(scanner);
    if (!isPdfString(source)) throw new UnsupportedPdfError('malformed ToUnicode CMap');
    const destination = scanner.readValue();
    const code = codeOf(source);
    let text: string | undefined;
    if (toCodePoints) text = isNumber(destination) ? codePointText(destination) : undefined;
    else text = isPdfString(destination) ? utf16Text(destination) : undefined;
    if (text !== undefined) cmap.add({ low: code, high: code, destination: { text } });
  }
}

function readRanges(scanner: PdfScanner, cmap: ToUnicodeCMap, toCodePoints: boolean): void {
  for (;;) {
    const lowBytes = scanner.readValue();
    if (lowBytes === undefined) return skipSectionEnd(scanner);
    if (!isPdfString(lowBytes)) throw new UnsupportedPdfError('malformed ToUnicode CMap');
    const highBytes = scanner.readValue();
    const destination = scanner.readValue();
    if (!isPdfString(highBytes)) throw new UnsupportedPdfError('malformed ToUnicode CMap');
    const low = codeOf(lowBytes);
    const high = codeOf(highBytes);
    if (toCodePoints) {
      if (isNumber(destination)) cmap.add({ low, high, destination: { codePointStart: destination } });
    } else if (isPdfString(destination)) {
      cmap.add({ low, high, destination: { rangeStart: destination } });
    } else if (Array.isArray(destination)) {
      destination.slice(0, high - low + 1).forEach((item, offset) => {
        const text = isPdfString(item) ? utf16Text(item) : undefined;
        if (text !== undefined) cmap.add({ low: low + offset, high: low + offset, destination: { text } });
      });
    }
  }
}

function skipSectionEnd(scanner: PdfScanner): void {
  scanner.skipWhitespaceAndComments();
  scanner.readKeyword();
}
