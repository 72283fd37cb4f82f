import { describe, expect, it } from 'vitest';
import { readTextLayer } from '../../../functions/shared/domain/documents/pdf/read-text-layer.ts';
import { UnsupportedPdfError } from '../../../functions/shared/domain/documents/pdf/unsupported-pdf-error.ts';
import { appendUpdate, buildPdf, buildPdfWithXrefStream, deflatedStream, HELVETICA, onePageObjects, stream } from './minimal-pdf.ts';

const HELLO = 'BT /F1 12 Tf 72 700 Td (Hello from the text layer) Tj ET';
const unsupported = (reason: string): string => new UnsupportedPdfError(reason).message;

/** A document of one page per content stream, fonts inherited from the /Pages node. */
function pagesPdf(contents: readonly (string | Buffer)[]): Buffer {
  const objects: Record<number, string | Buffer> = {
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    2: `<< /Type /Pages /Kids [${contents.map((_, index) => `${10 + 2 * index} 0 R`).join(' ')}] /Count ${contents.length} /Resources << /Font << /F1 3 0 R >> >> /MediaBox [0 0 612 792] >>`,
    3: HELVETICA,
  };
  contents.forEach((content, index) => {
    objects[10 + 2 * index] = `<< /Type /Page /Parent 2 0 R /Contents ${11 + 2 * index} 0 R >>`;
    objects[11 + 2 * index] = typeof content === 'string' ? deflatedStream('', content) : content;
  });
  return buildPdf(objects);
}

describe('the fast reader: file structure', () => {
  it('finds the objects through a cross-reference table', () => {
    expect(readTextLayer(buildPdf(onePageObjects(HELLO)), Infinity)).toBe('Hello from the text layer');
  });

  it('finds objects in an object stream through a compressed cross-reference stream with a PNG predictor', () => {
    const pdf = buildPdfWithXrefStream(onePageObjects(HELLO), [2, 3, 4]);

    expect(pdf.toString('latin1')).toContain('/Type /ObjStm');
    expect(readTextLayer(pdf, Infinity)).toBe('Hello from the text layer');
  });

  it('takes the newest version of an object from an incremental update', () => {
    const original = buildPdf(onePageObjects('BT /F1 12 Tf 72 700 Td (Original text) Tj ET'));
    const updated = appendUpdate(original, { 5: deflatedStream('', 'BT /F1 12 Tf 72 700 Td (Updated text) Tj ET') });

    expect(readTextLayer(original, Infinity)).toBe('Original text');
    expect(readTextLayer(updated, Infinity)).toBe('Updated text');
  });

  it('reads a stream whose /Length is another object, and one whose /Length is wrong, up to endstream', () => {
    const indirect = buildPdf({ ...onePageObjects(''), 5: `<< /Length 6 0 R >>\nstream\n${HELLO}\nendstream`, 6: String(HELLO.length) });
    const wrong = buildPdf({ ...onePageObjects(''), 5: `<< /Length 12 >>\nstream\n${HELLO}\nendstream` });

    expect(readTextLayer(indirect, Infinity)).toBe('Hello from the text layer');
    expect(readTextLayer(wrong, Infinity)).toBe('Hello from the text layer');
  });

  it('decodes content through ASCIIHexDecode, and through ASCII85Decode then FlateDecode', () => {
    const hex = buildPdf({ ...onePageObjects(''), 5: stream('/Filter /ASCIIHexDecode', `${Buffer.from(HELLO).toString('hex').replace(/(.{40})/g, '$1\n')}>`) });
    const deflated = deflatedStream('', HELLO);
    const flateData = deflated.subarray(deflated.indexOf('stream\n') + 7, deflated.lastIndexOf('\nendstream'));
    const ascii85 = buildPdf({ ...onePageObjects(''), 5: stream('/Filter [/ASCII85Decode /FlateDecode]', `${ascii85Encode(flateData)}~>`) });

    expect(readTextLayer(hex, Infinity)).toBe('Hello from the text layer');
    expect(readTextLayer(ascii85, Infinity)).toBe('Hello from the text layer');
  });

  it('counts offsets from the %PDF header when a mail gateway put bytes before it', () => {
    const pdf = Buffer.concat([Buffer.from('\r\n\r\nX-Junk: 1\r\n'), buildPdf(onePageObjects(HELLO))]);

    expect(readTextLayer(pdf, Infinity)).toBe('Hello from the text layer');
  });

  it('inherits resources from the page tree, and reads a /Contents array as one stream split between tokens', () => {
    const objects = onePageObjects('');
    objects[3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [5 0 R 6 0 R] >>';
    objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 4 0 R >> >> >>';
    objects[5] = deflatedStream('', 'BT /F1 12 Tf 14 TL 72 700 Td (First stream) Tj');
    objects[6] = deflatedStream('', 'T* (second stream) Tj ET');

    expect(readTextLayer(buildPdf(objects), Infinity)).toBe('First stream\nsecond stream');
  });

  it('takes each kind of resource from the nearest page tree node that has it, as pdf.js merges them', () => {
    const letterheadAndText = (pageFont: string): Buffer =>
      buildPdf({
        1: '<< /Type /Catalog /Pages 2 0 R >>',
        2: '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Letterhead 6 0 R >> /Font << /F1 4 0 R >> >> >>',
        3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F2 4 0 R >> >> /Contents 5 0 R >>',
        4: HELVETICA,
        5: deflatedStream('', `/Letterhead Do BT /${pageFont} 12 Tf 72 600 Td (Page text) Tj ET`),
        6: stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>', 'BT /F1 12 Tf 72 700 Td (Letterhead of the clinic) Tj ET'),
      });

    expect(readTextLayer(letterheadAndText('F2'), Infinity)).toBe('Letterhead of the clinicPage text');
    expect(() => readTextLayer(letterheadAndText('F1'), Infinity)).toThrow(unsupported('font F1: not in the resources'));
  });

  it('reads only the first pages: a broken page after them does not matter', () => {
    const brokenStream = stream('/Filter /FlateDecode', 'not zlib data');
    const pdf = pagesPdf(['BT /F1 12 Tf 72 700 Td (Page one) Tj ET', 'BT /F1 12 Tf 72 700 Td (Page two) Tj ET', brokenStream]);

    expect(readTextLayer(pdf, 2)).toBe('Page one\nPage two');
    expect(() => readTextLayer(pdf, 3)).toThrow(unsupported('invalid zlib header'));
  });

  it.each([
    ['an encrypted file', buildPdf(onePageObjects(HELLO), '/Encrypt << /Filter /Standard /V 1 /R 2 >>'), 'encrypted'],
    ['a file cut short', buildPdf(onePageObjects(HELLO)).subarray(0, 300), 'no startxref'],
    ['a file without its header', buildPdf(onePageObjects(HELLO)).subarray(9), 'no PDF header'],
    ['a cross-reference pointing at the wrong object', Buffer.from(buildPdf(onePageObjects(HELLO)).toString('latin1').replace('4 0 obj', '9 0 obj'), 'latin1'), 'object not where the cross-reference says'],
    ['a startxref pointing at no cross-reference', Buffer.from(buildPdf(onePageObjects(HELLO)).toString('latin1').replace(/startxref\n\d+/, 'startxref\n20'), 'latin1'), 'object not where the cross-reference says'],
    ['a filter it does not decode', buildPdf({ ...onePageObjects(''), 5: stream('/Filter /LZWDecode', '\x80\x0b\x60') }), 'stream filter LZWDecode'],
  ])('leaves %s to pdf.js', (_, pdf, reason) => {
    expect(() => readTextLayer(pdf, Infinity)).toThrow(unsupported(reason));
  });
});

function ascii85Encode(data: Buffer): string {
  let out = '';
  for (let offset = 0; offset < data.length; offset += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, offset, offset + 4);
    let value = chunk.readUInt32BE(0);
    const digits: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, Math.min(4, data.length - offset) + 1).join('');
  }
  return out;
}
