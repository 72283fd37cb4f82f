import type { DocumentType } from '../types.ts';

/** Readers accept a PDF header preceded by junk (mail gateways and scanners add some); so do we. */
const PDF_HEADER_SEARCH_BYTES = 1024;
/** Enough of the start of a file to tell text from binary without scanning a large attachment. */
const TEXT_SAMPLE_BYTES = 8 * 1024;
/** Text files carry the odd form feed or escape; binary data is full of control bytes. */
const MAX_CONTROL_BYTE_RATIO = 0.01;
/**
 * Text that is not UTF-8 is in a legacy 8-bit charset, where accented letters are a small part of
 * the bytes (French is under a tenth); sound and image data have every other byte above 0x7F.
 */
const MAX_HIGH_BYTE_RATIO_OF_LEGACY_TEXT = 0.3;
/** Major brands of the ISO base media files that hold HEIF images (iPhone photos). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1']);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(content: Buffer, signature: readonly number[] | Buffer, offset = 0): boolean {
  if (content.length < offset + signature.length) return false;
  return signature.every((byte, index) => content[offset + index] === byte);
}

function ascii(content: Buffer, start: number, end: number): string {
  return content.subarray(start, end).toString('latin1');
}

function binaryType(content: Buffer): DocumentType | undefined {
  if (content.subarray(0, PDF_HEADER_SEARCH_BYTES).includes('%PDF-', 0, 'latin1')) return 'pdf';
  // Little-endian, big-endian and BigTIFF headers: fax gateways send any of them.
  if (startsWith(content, [0x49, 0x49, 0x2a, 0x00]) || startsWith(content, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(content, [0x49, 0x49, 0x2b, 0x00]) || startsWith(content, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(content, PNG_SIGNATURE)) return 'png';
  if (ascii(content, 0, 4) === 'GIF8') return 'gif';
  if (ascii(content, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(content, 8, 12))) return 'heic';
  if (ascii(content, 0, 4) === 'RIFF' && ascii(content, 8, 12) === 'WEBP') return 'webp';
  // ZIP (docx, xlsx, odt...) and OLE2 (doc, xls, msg) containers.
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04]) || startsWith(content, OLE2_SIGNATURE)) return 'office';
  return undefined;
}

function hasUnicodeByteOrderMark(content: Buffer): boolean {
  return startsWith(content, [0xef, 0xbb, 0xbf]) || startsWith(content, [0xff, 0xfe]) || startsWith(content, [0xfe, 0xff]);
}

function isControlByte(byte: number): boolean {
  const isWhitespace = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
  return (byte < 0x20 && !isWhitespace) || byte === 0x7f;
}

function ratio(sample: Buffer, isCounted: (byte: number) => boolean): number {
  return sample.reduce((count, byte) => count + (isCounted(byte) ? 1 : 0), 0) / sample.length;
}

function isUtf8(sample: Buffer): boolean {
  try {
    // Streaming, so that a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function looksLikeText(sample: Buffer): boolean {
  if (sample.length === 0 || sample.includes(0x00)) return false;
  if (ratio(sample, isControlByte) > MAX_CONTROL_BYTE_RATIO) return false;
  return isUtf8(sample) || ratio(sample, (byte) => byte >= 0x80) <= MAX_HIGH_BYTE_RATIO_OF_LEGACY_TEXT;
}

function looksLikeHtml(sample: Buffer): boolean {
  const start = sample.toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || /<(html|body)[\s>]/.test(start);
}

/** Type of a file from its first bytes; the sender's content type and file name are not trusted. */
export function detectDocumentType(content: Buffer): DocumentType {
  const binary = binaryType(content);
  if (binary) return binary;
  const sample = content.subarray(0, TEXT_SAMPLE_BYTES);
  if (!hasUnicodeByteOrderMark(sample) && !looksLikeText(sample)) return 'other';
  return looksLikeHtml(sample) ? 'html' : 'text';
}
