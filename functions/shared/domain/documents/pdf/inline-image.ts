import { isRegularByte, isWhitespaceByte } from './pdf-scanner.ts';
import { isNumber, type PdfDict, type PdfValue } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** Components per pixel of the colour spaces an inline image may name directly. */
const COMPONENTS: Readonly<Record<string, number>> = { G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4, I: 1, Indexed: 1 };
/**
 * Bytes after a candidate "EI" that must look like content-stream text, so that "EI" within
 * binary image data is not taken for the end (pdf.js checks as many).
 */
const TEXT_CHECK_BYTES = 10;

const E = 0x45;
const I = 0x49;

/**
 * Skips an inline image's data, from its first byte, and the EI after it; returns the position
 * after EI. The length is computed when the data is raw, else EI is searched for.
 */
export function skipInlineImageData(bytes: Uint8Array, start: number, dict: PdfDict): number {
  const length = rawDataLength(dict);
  if (length !== undefined) {
    let end = start + length;
    while (end < bytes.length && isWhitespaceByte(bytes[end]!)) end += 1;
    if (isEndMarker(bytes, end)) return end + 2;
  }
  const filter = entry(dict, 'F', 'Filter');
  const firstFilter = Array.isArray(filter) ? filter[0] : filter;
  // ASCII filters end their data with a marker that the data cannot contain.
  let searchFrom = start;
  if (firstFilter === 'A85' || firstFilter === 'ASCII85Decode') searchFrom = indexOf(bytes, [0x7e, 0x3e], start);
  else if (firstFilter === 'AHx' || firstFilter === 'ASCIIHexDecode') searchFrom = indexOf(bytes, [0x3e], start);
  for (let position = searchFrom; position + 1 < bytes.length; position += 1) {
    if (isWhitespaceByte(bytes[position - 1] ?? 0x20) && isEndMarker(bytes, position) && looksLikeText(bytes, position + 2)) return position + 2;
  }
  throw new UnsupportedPdfError('inline image without end');
}

function entry(dict: PdfDict, abbreviation: string, name: string): PdfValue | undefined {
  return dict.get(abbreviation) ?? dict.get(name);
}

function rawDataLength(dict: PdfDict): number | undefined {
  const declared = entry(dict, 'L', 'Length');
  if (isNumber(declared)) return declared;
  if (entry(dict, 'F', 'Filter') !== undefined) return undefined;
  const width = entry(dict, 'W', 'Width');
  const height = entry(dict, 'H', 'Height');
  const isMask = entry(dict, 'IM', 'ImageMask') === true;
  const bitsPerComponent = isMask ? 1 : entry(dict, 'BPC', 'BitsPerComponent');
  const colorSpace = entry(dict, 'CS', 'ColorSpace');
  const components = isMask ? 1 : Array.isArray(colorSpace) ? COMPONENTS[String(colorSpace[0])] : COMPONENTS[String(colorSpace)];
  if (!isNumber(width) || !isNumber(height) || !isNumber(bitsPerComponent) || components === undefined) return undefined;
  return Math.ceil((width * components * bitsPerComponent) / 8) * height;
}

function isEndMarker(bytes: Uint8Array, position: number): boolean {
  const after = bytes[position + 2];
  return bytes[position] === E && bytes[position + 1] === I && (after === undefined || !isRegularByte(after));
}

function looksLikeText(bytes: Uint8Array, start: number): boolean {
  for (let position = start; position < Math.min(bytes.length, start + TEXT_CHECK_BYTES); position += 1) {
    const byte = bytes[position]!;
    if (byte > 0x7e || (byte < 0x20 && !isWhitespaceByte(byte))) return false;
  }
  return true;
}

function indexOf(bytes: Uint8Array, marker: readonly number[], start: number): number {
  for (let position = start; position + marker.length <= bytes.length; position += 1) {
    if (marker.every((byte, offset) => bytes[position + offset] === byte)) return position;
  }
  return start;
}
