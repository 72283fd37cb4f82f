import { describe, expect, it } from 'vitest';
import { readTextLayer } from '../../../functions/shared/domain/documents/pdf/read-text-layer.ts';
import { UnsupportedPdfError } from '../../../functions/shared/domain/documents/pdf/unsupported-pdf-error.ts';
import { buildPdf, onePageObjects } from './minimal-pdf.ts';

const textOf = (content: string, objects: Readonly<Record<number, string>> = {}): string =>
  readTextLayer(buildPdf({ ...onePageObjects(content, '<< /Font << /F1 4 0 R /F2 6 0 R >> >>'), ...objects }), Infinity);

describe("the fast reader: a page's text", () => {
  it('keeps every character of a page longer than most', () => {
    const lines = Array.from({ length: 100 }, (_, line) => `Line ${line + 1}: ${'acte facturé, '.repeat(8)}fin`);
    const content = `BT /F1 1 Tf 3 TL 20 700 Td ${lines.map((line) => `(${line.replace(/é/g, '\\351')}) Tj T*`).join(' ')} ET`;

    expect(textOf(content)).toBe(lines.join('\n'));
  });

  it('gives characters in their compatibility form as pdf.js does', () => {
    const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /fi /uniFB05] >> >>';

    expect(textOf('BT /F1 12 Tf 72 700 Td (5 \\265g) Tj ET BT /F2 12 Tf 72 680 Td (AB) Tj ET', { 6: font })).toBe('5 μg\nfiſt');
  });

  it('leaves right-to-left text to pdf.js', () => {
    const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /uni05D0] >> >>';

    expect(() => textOf('BT /F2 12 Tf 72 700 Td (A) Tj ET', { 6: font })).toThrow(new UnsupportedPdfError('right-to-left text'));
  });
});
