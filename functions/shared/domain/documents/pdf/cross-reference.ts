import { PdfScanner, isWhitespaceByte } from './pdf-scanner.ts';
import { isDict, isNumber, PdfStream, type PdfDict, type PdfValue } from './pdf-values.ts';
import { decodeStream } from './stream-filters.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** Where an object is: nowhere (free), at an offset of the file, or inside an object stream. */
type XrefEntry =
  | { readonly type: 'free' }
  | { readonly type: 'offset'; readonly offset: number }
  | { readonly type: 'compressed'; readonly streamNumber: number; readonly index: number };

const FREE: XrefEntry = { type: 'free' };

/** An object in use at an offset; pdf.js takes one at offset 0 for a free one. */
const inUseAt = (offset: number): XrefEntry => (offset === 0 ? FREE : { type: 'offset', offset });

/** Incremental updates a file may chain; more is a loop, or a file built to make readers work. */
const MAX_XREF_SECTIONS = 256;
/** How far from the end of the file "startxref" is looked for. */
const STARTXREF_SEARCH_BYTES = 4096;
/** "0000000000 00000 n": the part of a cross-reference table entry before its end of line. */
const XREF_ENTRY_TEXT_LENGTH = 18;

interface XrefSection {
  entry(objectNumber: number): XrefEntry | undefined;
}

interface Subsection {
  readonly first: number;
  readonly count: number;
  readonly start: number;
}

/** The cross-reference of a file, newest update first, read entry by entry as objects are needed. */
export class CrossReference {
  constructor(
    readonly trailer: PdfDict,
    private readonly sections: readonly XrefSection[],
  ) {}

  entry(objectNumber: number): XrefEntry | undefined {
    for (const section of this.sections) {
      const entry = section.entry(objectNumber);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }
}

export function readCrossReference(bytes: Buffer): CrossReference {
  const sections: XrefSection[] = [];
  let trailer: PdfDict | undefined;
  const visited = new Set<number>();
  let offset: number | undefined = findStartXref(bytes);
  while (offset !== undefined) {
    if (visited.has(offset) || sections.length >= MAX_XREF_SECTIONS) throw new UnsupportedPdfError('cross-reference loop');
    visited.add(offset);
    const { section, dict } = readSection(bytes, offset);
    sections.push(section);
    trailer ??= dict;
    // A hybrid file's table leaves objects in object streams to the stream it names.
    const hybridStream = dict.get('XRefStm');
    if (isNumber(hybridStream)) sections.push(readXrefStream(bytes, hybridStream).section);
    const previous = dict.get('Prev');
    offset = isNumber(previous) ? previous : undefined;
  }
  return new CrossReference(trailer!, sections);
}

function findStartXref(bytes: Buffer): number {
  const tailStart = Math.max(0, bytes.length - STARTXREF_SEARCH_BYTES);
  const keyword = bytes.subarray(tailStart).lastIndexOf('startxref');
  if (keyword < 0) throw new UnsupportedPdfError('no startxref');
  const scanner = new PdfScanner(bytes, tailStart + keyword + 'startxref'.length);
  scanner.skipWhitespaceAndComments();
  const offset = scanner.readNumber();
  if (!Number.isInteger(offset) || offset <= 0 || offset >= bytes.length) throw new UnsupportedPdfError('invalid startxref');
  return offset;
}

function readSection(bytes: Buffer, offset: number): { section: XrefSection; dict: PdfDict } {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw new UnsupportedPdfError('cross-reference offset out of the file');
  const scanner = new PdfScanner(bytes, offset, true);
  return scanner.skipKeyword('xref') ? readXrefTable(scanner) : readXrefStream(bytes, offset);
}

function readXrefTable(scanner: PdfScanner): { section: XrefSection; dict: PdfDict } {
  const subsections: (Subsection & { readonly entryLength: number })[] = [];
  while (!scanner.skipKeyword('trailer')) {
    const first = scanner.readValue();
    const count = scanner.readValue();
    if (!isNumber(first) || !isNumber(count) || !Number.isInteger(first) || !Number.isInteger(count) || first < 0 || count < 0) {
      throw new UnsupportedPdfError('broken cross-reference table');
    }
    scanner.skipWhitespaceAndComments();
    const start = scanner.pos;
    // Entries are 20 bytes, but some writers end their lines with one byte only: the first entry tells.
    let entryLength = XREF_ENTRY_TEXT_LENGTH;
    while (entryLength < XREF_ENTRY_TEXT_LENGTH + 3 && isWhitespaceByte(scanner.bytes[start + entryLength] ?? 0)) entryLength += 1;
    subsections.push({ first, count, start, entryLength });
    scanner.pos = start + count * entryLength;
    if (scanner.pos > scanner.bytes.length) throw new UnsupportedPdfError('broken cross-reference table');
  }
  const dict = scanner.readValue();
  if (!isDict(dict)) throw new UnsupportedPdfError('broken trailer');
  const { bytes } = scanner;
  return {
    dict,
    section: {
      entry(objectNumber) {
        for (const { first, count, start, entryLength } of subsections) {
          if (objectNumber < first || objectNumber >= first + count) continue;
          return readTableEntry(bytes, start + (objectNumber - first) * entryLength);
        }
        return undefined;
      },
    },
  };
}

function readTableEntry(bytes: Uint8Array, start: number): XrefEntry {
  let offset = 0;
  for (let index = 0; index < 10; index += 1) {
    const digit = bytes[start + index]! - 0x30;
    if (!(digit >= 0 && digit <= 9)) throw new UnsupportedPdfError('broken cross-reference entry');
    offset = offset * 10 + digit;
  }
  const type = bytes[start + 17];
  if (type === 0x66) return FREE;
  if (type !== 0x6e || bytes[start + 10] !== 0x20) throw new UnsupportedPdfError('broken cross-reference entry');
  return inUseAt(offset);
}

function readXrefStream(bytes: Buffer, offset: number): { section: XrefSection; dict: PdfDict } {
  const stream = readDirectStreamObject(bytes, offset);
  const { dict } = stream;
  const widths = dict.get('W');
  const size = dict.get('Size');
  if (dict.get('Type') !== 'XRef' || !Array.isArray(widths) || widths.length !== 3 || !widths.every(isSmallWidth) || !isNumber(size)) {
    throw new UnsupportedPdfError('broken cross-reference stream');
  }
  const [typeWidth, fieldWidth, thirdWidth] = widths as [number, number, number];
  const rowLength = typeWidth + fieldWidth + thirdWidth;
  const index = dict.get('Index') ?? [0, size];
  if (!Array.isArray(index) || index.length % 2 !== 0 || !index.every(isNumber)) throw new UnsupportedPdfError('broken cross-reference stream');
  const data = decodeStream(stream, (value) => value);
  const subsections: Subsection[] = [];
  let rowStart = 0;
  for (let pair = 0; pair < index.length; pair += 2) {
    const first = index[pair] as number;
    const count = index[pair + 1] as number;
    subsections.push({ first, count, start: rowStart });
    rowStart += count * rowLength;
  }
  const field = (position: number, width: number): number => {
    let value = 0;
    for (let byte = 0; byte < width; byte += 1) value = value * 256 + data[position + byte]!;
    return value;
  };
  return {
    dict,
    section: {
      entry(objectNumber) {
        for (const { first, count, start } of subsections) {
          if (objectNumber < first || objectNumber >= first + count) continue;
          const position = start + (objectNumber - first) * rowLength;
          if (position + rowLength > data.length) throw new UnsupportedPdfError('truncated cross-reference stream');
          const type = typeWidth === 0 ? 1 : field(position, typeWidth);
          const second = field(position + typeWidth, fieldWidth);
          const third = field(position + typeWidth + fieldWidth, thirdWidth);
          if (type === 1) return inUseAt(second);
          if (type === 2) return { type: 'compressed', streamNumber: second, index: third };
          return FREE;
        }
        return undefined;
      },
    },
  };
}

/** Bytes per field of a cross-reference stream: beyond 6 they could not be exact numbers. */
const isSmallWidth = (value: PdfValue): boolean => isNumber(value) && Number.isInteger(value) && value >= 0 && value <= 6;

/** A stream object whose length is given directly, as a cross-reference stream's must be. */
function readDirectStreamObject(bytes: Buffer, offset: number): PdfStream {
  const scanner = new PdfScanner(bytes, offset, true);
  readObjectHeader(scanner);
  const dict = scanner.readValue();
  const length = isDict(dict) ? dict.get('Length') : undefined;
  if (!isDict(dict) || !isNumber(length)) throw new UnsupportedPdfError('broken cross-reference stream');
  if (!scanner.skipKeyword('stream')) throw new UnsupportedPdfError('broken cross-reference stream');
  const start = streamDataStart(bytes, scanner.pos);
  if (start + length > bytes.length) throw new UnsupportedPdfError('truncated cross-reference stream');
  return new PdfStream(dict, bytes.subarray(start, start + length));
}

/** Reads "12 0 obj" and returns the object number. */
export function readObjectHeader(scanner: PdfScanner): number {
  const objectNumber = scanner.readValue();
  const generation = scanner.readValue();
  if (!isNumber(objectNumber) || !isNumber(generation) || !scanner.skipKeyword('obj')) {
    throw new UnsupportedPdfError('object not where the cross-reference says');
  }
  return objectNumber;
}

/** Where a stream's data starts: after the end of line that follows its "stream" keyword. */
export function streamDataStart(bytes: Uint8Array, afterKeyword: number): number {
  let start = afterKeyword;
  if (bytes[start] === 0x0d) start += 1;
  if (bytes[start] === 0x0a) start += 1;
  return start;
}
