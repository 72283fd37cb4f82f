/** One entry of a TIFF's directory: its tag, its field type (3 SHORT, 4 LONG) and its value. */
export type TiffEntry = [tag: number, type: number, value: number];

/** The StripOffsets tag: written with where the strip lands, whatever value it is given. */
const STRIP_OFFSETS = 273;

/**
 * A little-endian TIFF of one directory with `entries` (in tag order), followed by one strip of
 * `stripBytes` zero bytes: what its entries declare need not match what follows them.
 */
export function oneStripTiff(entries: readonly TiffEntry[], stripBytes: number): Buffer {
  const directoryOffset = 8;
  const stripOffset = directoryOffset + 2 + entries.length * 12 + 4;
  const file = Buffer.alloc(stripOffset + stripBytes);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(directoryOffset, 4);
  file.writeUInt16LE(entries.length, directoryOffset);
  entries.forEach(([tag, type, value], index) => {
    const at = directoryOffset + 2 + index * 12;
    file.writeUInt16LE(tag, at);
    file.writeUInt16LE(type, at + 2);
    file.writeUInt32LE(1, at + 4);
    const written = tag === STRIP_OFFSETS ? stripOffset : value;
    if (type === 3) file.writeUInt16LE(written, at + 8);
    else file.writeUInt32LE(written, at + 8);
  });
  return file;
}
