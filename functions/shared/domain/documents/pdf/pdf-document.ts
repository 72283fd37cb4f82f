import { readCrossReference, readObjectHeader, streamDataStart, type CrossReference } from './cross-reference.ts';
import { PdfScanner } from './pdf-scanner.ts';
import { isDict, isNumber, PdfRef, PdfStream, type PdfDict, type PdfValue } from './pdf-values.ts';
import { decodeStream } from './stream-filters.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** How far into the file its "%PDF-" header may be, after what mail gateways prepend. */
const HEADER_SEARCH_BYTES = 1024;
/**
 * Objects resolved for one file. The first pages of a real document need a few hundred; more is
 * a reference loop or a file built to make readers work, which pdf.js has its own guards for.
 */
const MAX_OBJECTS_RESOLVED = 20_000;

interface ObjectStream {
  readonly data: Buffer;
  readonly objectNumbers: readonly number[];
  readonly offsets: readonly number[];
}

/** A PDF file whose objects are parsed when first asked for, through its cross-reference. */
export class PdfDocument {
  private readonly objects = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, ObjectStream>();
  private readonly resolving = new Set<number>();
  private objectsResolved = 0;

  private constructor(
    private readonly bytes: Buffer,
    private readonly xref: CrossReference,
  ) {}

  static open(content: Buffer): PdfDocument {
    const header = content.subarray(0, HEADER_SEARCH_BYTES).indexOf('%PDF-');
    if (header < 0) throw new UnsupportedPdfError('no PDF header');
    // Offsets count from the header, as pdf.js counts them when something precedes it.
    const bytes = content.subarray(header);
    const xref = readCrossReference(bytes);
    if (xref.trailer.has('Encrypt')) throw new UnsupportedPdfError('encrypted');
    return new PdfDocument(bytes, xref);
  }

  get trailer(): PdfDict {
    return this.xref.trailer;
  }

  /** The value itself, or the object it refers to; undefined for a missing or free object. */
  readonly resolve = (value: PdfValue | undefined): PdfValue | undefined => (value instanceof PdfRef ? this.object(value.objectNumber) : value);

  resolveDict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return isDict(resolved) ? resolved : undefined;
  }

  decode(stream: PdfStream): Buffer {
    return decodeStream(stream, this.resolve);
  }

  private object(objectNumber: number): PdfValue | undefined {
    const cached = this.objects.get(objectNumber);
    if (cached !== undefined || this.objects.has(objectNumber)) return cached ?? undefined;
    if (this.resolving.has(objectNumber)) throw new UnsupportedPdfError('object defined through itself');
    if ((this.objectsResolved += 1) > MAX_OBJECTS_RESOLVED) throw new UnsupportedPdfError('too many objects');
    this.resolving.add(objectNumber);
    try {
      const value = this.parseObject(objectNumber);
      this.objects.set(objectNumber, value ?? null);
      return value;
    } finally {
      this.resolving.delete(objectNumber);
    }
  }

  private parseObject(objectNumber: number): PdfValue | undefined {
    const entry = this.xref.entry(objectNumber);
    if (entry === undefined || entry.type === 'free') return undefined;
    if (entry.type === 'compressed') return this.compressedObject(objectNumber, entry.streamNumber, entry.index);
    if (entry.offset >= this.bytes.length) throw new UnsupportedPdfError('object offset out of the file');
    const scanner = new PdfScanner(this.bytes, entry.offset, true);
    if (readObjectHeader(scanner) !== objectNumber) throw new UnsupportedPdfError('object not where the cross-reference says');
    const value = scanner.readValue();
    if (value === undefined) throw new UnsupportedPdfError('malformed object');
    if (!isDict(value) || !scanner.skipKeyword('stream')) return value;
    return this.streamObject(value, streamDataStart(this.bytes, scanner.pos));
  }

  private streamObject(dict: PdfDict, start: number): PdfStream {
    const length = this.resolve(dict.get('Length'));
    const { bytes } = this;
    if (isNumber(length) && length >= 0 && start + length <= bytes.length) {
      const after = new PdfScanner(bytes, start + length);
      if (after.skipKeyword('endstream')) return new PdfStream(dict, bytes.subarray(start, start + length));
    }
    // A wrong /Length is common: the data ends at "endstream", as pdf.js finds it.
    const end = bytes.indexOf('endstream', start);
    if (end < 0) throw new UnsupportedPdfError('stream without end');
    let dataEnd = end;
    if (bytes[dataEnd - 1] === 0x0a) dataEnd -= 1;
    if (bytes[dataEnd - 1] === 0x0d) dataEnd -= 1;
    return new PdfStream(dict, bytes.subarray(start, Math.max(start, dataEnd)));
  }

  private compressedObject(objectNumber: number, streamNumber: number, index: number): PdfValue | undefined {
    const objectStream = this.objectStream(streamNumber);
    const offset = objectStream.offsets[index];
    if (offset === undefined || objectStream.objectNumbers[index] !== objectNumber) throw new UnsupportedPdfError('object not in its object stream');
    const value = new PdfScanner(objectStream.data, offset, true).readValue();
    if (value === undefined) throw new UnsupportedPdfError('malformed object in an object stream');
    return value;
  }

  private objectStream(streamNumber: number): ObjectStream {
    const cached = this.objectStreams.get(streamNumber);
    if (cached) return cached;
    const stream = this.object(streamNumber);
    if (!(stream instanceof PdfStream)) throw new UnsupportedPdfError('object stream missing');
    const count = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (!isNumber(count) || !isNumber(first)) throw new UnsupportedPdfError('broken object stream');
    const data = this.decode(stream);
    const header = new PdfScanner(data);
    const objectNumbers: number[] = [];
    const offsets: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const number = header.readValue();
      const offset = header.readValue();
      if (!isNumber(number) || !isNumber(offset)) throw new UnsupportedPdfError('broken object stream');
      objectNumbers.push(number);
      offsets.push(first + offset);
    }
    const objectStream = { data, objectNumbers, offsets };
    this.objectStreams.set(streamNumber, objectStream);
    return objectStream;
  }
}
