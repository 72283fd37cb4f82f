/**
 * The image file directories of a TIFF (one per page), read for what sharp does not report: the
 * vertical resolution, which tells a standard-resolution fax page (204 x 98 dpi) from a fine one.
 */
export interface TiffDirectory {
  /** Dots per inch; undefined when the file does not say. */
  readonly xResolution?: number;
  readonly yResolution?: number;
  readonly bitsPerSample: number;
  /** TIFF's Compression code (1: none). */
  readonly compression: number;
  /** TIFF's SampleFormat code (1: unsigned integers, 3: floating point). */
  readonly sampleFormat: number;
}

const TAG = { bitsPerSample: 258, compression: 259, xResolution: 282, yResolution: 283, resolutionUnit: 296, sampleFormat: 339 } as const;
const TYPE = { short: 3, long: 4, rational: 5 } as const;
const RESOLUTION_UNIT_CENTIMETRE = 3;
const CENTIMETRES_PER_INCH = 2.54;
const CLASSIC_TIFF_MAGIC = 42;
const ENTRY_BYTES = 12;
/** More directories than pages any fax has: a loop in a crafted file ends here. */
const MAX_DIRECTORIES = 1000;

class TiffReader {
  constructor(
    private readonly content: Buffer,
    private readonly littleEndian: boolean,
  ) {}

  u16(offset: number): number {
    return this.littleEndian ? this.content.readUInt16LE(offset) : this.content.readUInt16BE(offset);
  }

  u32(offset: number): number {
    return this.littleEndian ? this.content.readUInt32LE(offset) : this.content.readUInt32BE(offset);
  }

  /** The first value of an entry: inline for SHORT and LONG, at an offset for RATIONAL. */
  value(entry: number): number | undefined {
    const type = this.u16(entry + 2);
    if (type === TYPE.short) return this.u16(entry + 8);
    if (type === TYPE.long) return this.u32(entry + 8);
    if (type !== TYPE.rational) return undefined;
    const at = this.u32(entry + 8);
    const denominator = this.u32(at + 4);
    return denominator === 0 ? undefined : this.u32(at) / denominator;
  }
}

function readDirectory(reader: TiffReader, offset: number): TiffDirectory {
  const tags = new Map<number, number | undefined>();
  const count = reader.u16(offset);
  for (let index = 0; index < count; index += 1) {
    const entry = offset + 2 + index * ENTRY_BYTES;
    tags.set(reader.u16(entry), reader.value(entry));
  }
  const toDpi = (value: number | undefined) =>
    value === undefined ? undefined : tags.get(TAG.resolutionUnit) === RESOLUTION_UNIT_CENTIMETRE ? value * CENTIMETRES_PER_INCH : value;
  return {
    xResolution: toDpi(tags.get(TAG.xResolution)),
    yResolution: toDpi(tags.get(TAG.yResolution)),
    // TIFF's default: a file that does not say is black and white.
    bitsPerSample: tags.get(TAG.bitsPerSample) ?? 1,
    compression: tags.get(TAG.compression) ?? 1,
    sampleFormat: tags.get(TAG.sampleFormat) ?? 1,
  };
}

/** The directories in file order; empty for a BigTIFF or a file whose structure is broken. */
export function readTiffDirectories(content: Buffer): TiffDirectory[] {
  const order = content.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return [];
  const reader = new TiffReader(content, order === 'II');
  try {
    if (reader.u16(2) !== CLASSIC_TIFF_MAGIC) return [];
    const directories: TiffDirectory[] = [];
    const visited = new Set<number>();
    for (let offset = reader.u32(4); offset !== 0 && !visited.has(offset) && visited.size < MAX_DIRECTORIES; ) {
      visited.add(offset);
      directories.push(readDirectory(reader, offset));
      offset = reader.u32(offset + 2 + reader.u16(offset) * ENTRY_BYTES);
    }
    return directories;
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

const COMPRESSION = { oldStyleJpeg: 6, lzma: 34925 } as const;
const FLOATING_POINT_SAMPLES = 3;
/** Sample sizes the image library decodes; scanners and fax machines write these. */
const DECODED_BITS_PER_SAMPLE: ReadonlySet<number> = new Set([1, 2, 4, 8, 16]);

/** What a page uses that the image library does not decode, if anything: such a file is not damaged. */
export function unsupportedFeature(directory: TiffDirectory | undefined): string | undefined {
  if (directory === undefined) return undefined;
  if (directory.compression === COMPRESSION.lzma) return 'LZMA compression';
  if (directory.compression === COMPRESSION.oldStyleJpeg) return 'old-style JPEG compression';
  if (directory.sampleFormat === FLOATING_POINT_SAMPLES) return 'floating-point samples';
  if (!DECODED_BITS_PER_SAMPLE.has(directory.bitsPerSample)) return `${directory.bitsPerSample}-bit samples`;
  return undefined;
}
