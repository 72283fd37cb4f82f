import { constants, inflateRawSync } from 'node:zlib';
import { undoPngPredictor } from './png-predictor.ts';
import { isDict, isName, isNumber, type PdfDict, type PdfStream, type PdfValue } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

type Resolve = (value: PdfValue | undefined) => PdfValue | undefined;

/** Decodes a stream through its filters: the ones text layers and cross-references are stored with. */
export function decodeStream(stream: PdfStream, resolve: Resolve): Buffer {
  const filters = asList(resolve(stream.dict.get('Filter')), resolve);
  const parameters = asList(resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP')), resolve);
  let data = Buffer.from(stream.encoded.buffer, stream.encoded.byteOffset, stream.encoded.length);
  filters.forEach((filter, index) => {
    const parameter = parameters[index];
    data = applyFilter(filter, data, isDict(parameter) ? parameter : undefined, resolve);
  });
  return data;
}

function asList(value: PdfValue | undefined, resolve: Resolve): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map((item) => resolve(item) ?? null) : [value];
}

function applyFilter(filter: PdfValue, data: Buffer, parameters: PdfDict | undefined, resolve: Resolve): Buffer {
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return undoPredictor(inflate(data), parameters, resolve);
    case 'ASCIIHexDecode':
    case 'AHx':
      return decodeAsciiHex(data);
    case 'ASCII85Decode':
    case 'A85':
      return decodeAscii85(data);
    default:
      throw new UnsupportedPdfError(`stream filter ${isName(filter) ? filter : typeof filter}`);
  }
}

/**
 * The most a stream may inflate to. A page's content is kilobytes, rarely a few megabytes; more is
 * a compression bomb, left to pdf.js and its own limits.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Inflates as pdf.js does: the zlib header is checked but not the checksum, and a truncated
 * stream gives what it holds instead of an error.
 */
function inflate(data: Buffer): Buffer {
  const [method = -1, flags = -1] = data;
  if ((method & 0x0f) !== 0x08 || ((method << 8) + flags) % 31 !== 0 || (flags & 0x20) !== 0) {
    throw new UnsupportedPdfError('invalid zlib header');
  }
  try {
    return inflateRawSync(data.subarray(2), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw new UnsupportedPdfError('corrupt or oversized compressed stream');
  }
}

function undoPredictor(data: Buffer, parameters: PdfDict | undefined, resolve: Resolve): Buffer {
  const parameter = (key: string, fallback: number): number => {
    const value = resolve(parameters?.get(key));
    return isNumber(value) ? value : fallback;
  };
  const predictor = parameter('Predictor', 1);
  if (predictor === 1) return data;
  if (predictor < 10) throw new UnsupportedPdfError(`predictor ${predictor}`);
  return undoPngPredictor(data, parameter('Colors', 1), parameter('BitsPerComponent', 8), parameter('Columns', 1));
}

const HEX_DIGIT = /[0-9a-fA-F]/;

function decodeAsciiHex(data: Buffer): Buffer {
  const end = data.indexOf(0x3e);
  const digits = [...data.subarray(0, end < 0 ? data.length : end).toString('latin1')].filter((char) => HEX_DIGIT.test(char)).join('');
  return Buffer.from(digits.length % 2 === 0 ? digits : `${digits}0`, 'hex');
}

const A85_ZERO_GROUP = 0x7a;
const A85_FIRST = 0x21;
const A85_LAST = 0x75;

function decodeAscii85(data: Buffer): Buffer {
  const out: number[] = [];
  const group: number[] = [];
  for (let index = 0; index < data.length; index += 1) {
    const byte = data[index]!;
    if (byte === 0x7e) break;
    if (byte === A85_ZERO_GROUP && group.length === 0) {
      out.push(0, 0, 0, 0);
    } else if (byte >= A85_FIRST && byte <= A85_LAST) {
      group.push(byte - A85_FIRST);
      if (group.length === 5) {
        pushAscii85Group(out, group, 4);
        group.length = 0;
      }
    }
  }
  if (group.length > 1) {
    const bytes = group.length - 1;
    while (group.length < 5) group.push(A85_LAST - A85_FIRST);
    pushAscii85Group(out, group, bytes);
  }
  return Buffer.from(out);
}

function pushAscii85Group(out: number[], group: readonly number[], bytes: number): void {
  const value = group.reduce((total, digit) => total * 85 + digit, 0);
  for (let index = 0; index < bytes; index += 1) out.push(Math.floor(value / 256 ** (3 - index)) % 256);
}
