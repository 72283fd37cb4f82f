import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCAN_LIMITS, isScan, ocrImage, pagesToPdf, type ScanDecoding, type ScanPage } from '../../../functions/shared/domain/scans/index.ts';
import type { DocumentType } from '../../../functions/shared/domain/types.ts';
import { documentFile } from '../../support/contexts.ts';
import { decodeScanned } from '../../support/document-reading.ts';
import { greyPng } from '../../support/png-bytes.ts';
import { oneStripTiff, type TiffEntry } from '../../support/tiff-bytes.ts';

const sharedFax = (name: string) => readFile(path.resolve('test', 'fixtures', 'third-party', 'fax', name));
const sample = (name: string) => readFile(path.resolve('test', 'fixtures', 'scans', name));

function scan(filename: string, type: DocumentType, content: Buffer) {
  return documentFile(filename, '', { type, content, textRead: false, notReadReason: 'image: not read (no OCR)' });
}

function pagesOf(decoding: ScanDecoding): readonly ScanPage[] {
  if (decoding.kind !== 'pages') throw new Error(`expected pages, got ${JSON.stringify(decoding)}`);
  return decoding.pages;
}

const shape = ({ width, height, resolution, bilevel }: ScanPage) => ({ width, height, resolution, bilevel });

/** A PNG whose header claims `width` x `height` pixels, with one row of data: bytes that would decode to gigabytes. */
function pngClaiming(width: number, height: number): Buffer {
  return greyPng(width, height, deflateSync(Buffer.alloc(width + 1)));
}

describe('decodeScan of real fax images', () => {
  it.each([
    ['libtiff-ccitt-1-g4.tif', [{ width: 1728, height: 2376, resolution: { x: 200, y: 200 }, bilevel: true }]],
    ['libtiff-fax2d-g3.tif', [{ width: 1728, height: 1082, resolution: { x: 204, y: 98 }, bilevel: true }]],
    ['libtiff-g3test.tif', [{ width: 1728, height: 1103, resolution: { x: 204, y: 98 }, bilevel: true }]],
    [
      'libtiff-multipage.tif',
      [
        { width: 184, height: 808, resolution: { x: 150, y: 150 }, bilevel: true },
        { width: 149, height: 140, resolution: { x: 96, y: 96 }, bilevel: false },
        { width: 128, height: 128, resolution: { x: 300, y: 300 }, bilevel: false },
      ],
    ],
    [
      'sharp-g31d-multipage.tif',
      [
        // 2464 x 3248 pixels at 300 dpi, downscaled to the 2500 pixels OCR reads: the same page, at fewer dots per inch.
        { width: 1897, height: 2500, resolution: { x: (300 * 1897) / 2464, y: (300 * 1897) / 2464 }, bilevel: true },
        { width: 1232, height: 1624, resolution: { x: 300, y: 300 }, bilevel: true },
      ],
    ],
  ])('decodes every page of %s, with its resolution across and down', async (name, expected) => {
    const pages = pagesOf(await decodeScanned(scan(name, 'tiff', await sharedFax(name))));
    expect(pages.map(shape)).toEqual(expected);
    for (const page of pages) expect(page.pixels.length).toBe(page.width * page.height);
  });

  it('takes the TIFF with premature end-of-line codes for damaged, without throwing', async () => {
    const name = 'libtiff-g3-premature-eol-malformed.tif';
    expect(await decodeScanned(scan(name, 'tiff', await sharedFax(name)))).toEqual({
      kind: 'damaged',
      reason: 'damaged TIFF: page 1 cannot be decoded',
    });
  });

  it('takes a TIFF cut short for damaged', async () => {
    const truncated = (await sharedFax('libtiff-fax2d-g3.tif')).subarray(0, 5000);
    expect((await decodeScanned(scan('fax.tif', 'tiff', truncated))).kind).toBe('damaged');
  });
});

describe('decodeScan limits', () => {
  it('does not read a TIFF of more pages than the limit', async () => {
    const tiff = scan('fax.tif', 'tiff', await sharedFax('libtiff-multipage.tif'));
    expect(await decodeScanned(tiff, { ...DEFAULT_SCAN_LIMITS, maxPagesPerDocument: 2 })).toEqual({
      kind: 'not-read',
      reason: 'TIFF of 3 pages, over the 2-page read limit',
    });
  });

  it('does not decode a page of more pixels than the limit', async () => {
    const tiff = scan('chart.tif', 'tiff', await sharedFax('libtiff-ccitt-1-g4.tif'));
    expect(await decodeScanned(tiff, { ...DEFAULT_SCAN_LIMITS, maxPixelsPerPage: 1_000_000 })).toEqual({
      kind: 'not-read',
      reason: 'page 1 of 1728 x 2376 pixels, over the 1-megapixel read limit',
    });
  });

  it('does not decode a decompression bomb: a 177-byte PNG claiming 100000 x 100000 pixels', async () => {
    const bomb = pngClaiming(100_000, 100_000);
    expect(bomb.length).toBe(177);
    expect(await decodeScanned(scan('photo.png', 'png', bomb))).toEqual({
      kind: 'not-read',
      reason: 'page 1 of 100000 x 100000 pixels, over the 50-megapixel read limit',
    });
  });

  it('forwards HEIC photos unread: the image library has no HEVC decoder', async () => {
    expect(await decodeScanned(scan('IMG_0001.HEIC', 'heic', Buffer.from('....ftypheic')))).toEqual({
      kind: 'not-read',
      reason: 'HEIC photo: no decoder for it here',
    });
  });
});

describe('decodeScan of photos and scanned PDFs', () => {
  it('turns a phone photo upright as its EXIF orientation says', async () => {
    const content = await sample('photo-montreal.jpg');
    const stored = await sharp(content).metadata();
    const [page] = pagesOf(await decodeScanned(scan('IMG_4821.jpg', 'jpeg', content)));
    expect(stored.orientation).toBe(6);
    expect(stored.width).toBeGreaterThan(stored.height);
    expect(page && shape(page)).toEqual({ width: stored.height, height: stored.width, resolution: undefined, bilevel: false });
  });

  it('extracts the page image of a PDF without a text layer, with its resolution from the page size', async () => {
    const [page, ...others] = pagesOf(await decodeScanned(scan('scan.pdf', 'pdf', await sample('scanned-note-paris.pdf'))));
    expect(others).toEqual([]);
    expect({ width: page?.width, height: page?.height, dpi: Math.round(page?.resolution?.x ?? 0) }).toEqual({ width: 1240, height: 1754, dpi: 150 });
  });

  it('leaves a PDF that does not open as the text reader left it', async () => {
    expect(await decodeScanned(scan('broken.pdf', 'pdf', Buffer.from('%PDF-1.7\n1 0 obj')))).toEqual({ kind: 'no-images' });
  });

  it('only takes documents without text for scans', () => {
    const read = documentFile('note.pdf', 'Note', { type: 'pdf' });
    expect([isScan(read), isScan({ ...read, textRead: false }), isScan({ ...read, type: 'office', textRead: false })]).toEqual([false, true, false]);
    // A document left unread because the message had too many is not read by OCR either.
    expect(isScan({ ...read, textRead: false, beyondReadLimit: true })).toBe(false);
  });
});

describe('page images for OCR and for the forward', () => {
  it('stretches a standard-resolution fax page to square pixels, saying its resolution', async () => {
    const [page] = pagesOf(await decodeScanned(scan('fax.tif', 'tiff', await sharedFax('libtiff-fax2d-g3.tif'))));
    const image = await sharp(await ocrImage(page ?? expect.unreachable())).metadata();
    expect({ format: image.format, width: image.width, height: image.height, density: image.density }).toEqual({
      format: 'png',
      width: 1728,
      // 1082 rows at 98 rows per inch are 11.04 inches: 2252 rows at 204.
      height: 2252,
      density: 204,
    });
  });

  it('makes a PDF of a fax with each page at its paper size', async () => {
    const pages = pagesOf(await decodeScanned(scan('fax.tif', 'tiff', await sample('fax-boston-standard-g4.tif'))));
    const pdf = await PDFDocument.load(await pagesToPdf(pages));
    // 1728 dots at 204 dpi and 1146 rows at 98 rows per inch: an A4 sheet, in points.
    expect(pdf.getPages().map((page) => page.getSize()).map(({ width, height }) => [Math.round(width), Math.round(height)])).toEqual([
      [610, 842],
      [610, 842],
    ]);
  });
});

/** A little-endian one-strip TIFF of 8 x 8 grey pixels with the given sample size, compression and sample format. */
function tiffOf(bitsPerSample: number, compression: number, sampleFormat: number): Buffer {
  const stripBytes = (8 * 8 * bitsPerSample) / 8;
  const entries: TiffEntry[] = [
    [256, 3, 8], [257, 3, 8], [258, 3, bitsPerSample], [259, 3, compression], [262, 3, 1],
    [273, 4, 0], [277, 3, 1], [278, 3, 8], [279, 4, stripBytes], [339, 3, sampleFormat],
  ];
  return oneStripTiff(entries, stripBytes);
}

describe('decodeScan of TIFF files the image decoder does not read', () => {
  it.each([
    ['LZMA compression', tiffOf(8, 34925, 1)],
    ['old-style JPEG compression', tiffOf(8, 6, 1)],
    ['12-bit samples', tiffOf(12, 1, 1)],
  ])('reports a TIFF in %s as unsupported, not damaged', async (feature, content) => {
    expect(await decodeScanned(scan('fax.tif', 'tiff', content))).toEqual({
      kind: 'not-read',
      reason: `unsupported TIFF: ${feature}, which the image decoder does not read`,
    });
  });

  it('decodes a TIFF of floating-point samples, which the image decoder reads', async () => {
    expect(pagesOf(await decodeScanned(scan('fax.tif', 'tiff', tiffOf(32, 1, 3)))).map(shape)).toEqual([{ width: 8, height: 8, resolution: undefined, bilevel: false }]);
  });
});
