import { describe, expect, it } from 'vitest';
import { readTextLayer } from '../../../functions/shared/domain/documents/pdf/read-text-layer.ts';
import { buildPdf, onePageObjects, stream } from './minimal-pdf.ts';

/** The text of a one-page document drawing `content` with Helvetica as /F1. */
const textOf = (content: string, resources?: string, objects: Readonly<Record<number, string | Buffer>> = {}): string =>
  readTextLayer(buildPdf({ ...onePageObjects(content, resources), ...objects }), Infinity);

describe('the fast reader: content streams', () => {
  it('puts a space where a TJ adjustment leaves a gap of more than a tenth of an em, and none for kerning', () => {
    expect(textOf('BT /F1 12 Tf 72 700 Td [(Mem)-30(ber)-250(number)1000(12)-120(34)-99(5678)] TJ ET')).toBe('Member number12 345678');
  });

  it('moves the pen by character spacing, word spacing and horizontal scaling', () => {
    expect(textOf('BT /F1 10 Tf 72 680 Td 2 Tc (spaced) Tj 0 Tc 5 Tw (word space) Tj 0 Tw 50 Tz (half scale text) Tj ET')).toBe('s p a c e d word spacehalf scale text');
  });

  it('starts a line where the baseline moves, but not for a superscript, a column on the same line, or text drawn back over', () => {
    const content = [
      'BT /F1 12 Tf 72 700 Td (E = mc) Tj 5 Ts (2) Tj 0 Ts ( text) Tj ET',
      'BT /F1 12 Tf 72 650 Td (Col A) Tj 200 0 Td (Col B) Tj -200 -14 Td (Next row) Tj ET',
      'BT /F1 12 Tf 72 600 Td (Overlap) Tj -10 0 Td (back) Tj ET',
    ].join('\n');

    expect(textOf(content)).toBe('E = mc2 text\nCol A Col B\nNext row\nOverlapback');
  });

  it("moves to the next line with T*, ' and \" by the leading", () => {
    expect(textOf("BT /F1 12 Tf 14 TL 72 700 Td (first) Tj (second) ' 3 1 (third) \" ET")).toBe('first\nsecond\nthird');
  });

  it('restores the text matrix and the transformation with Q, as pdf.js does', () => {
    expect(textOf('BT /F1 12 Tf 72 700 Td (Saved) Tj q 1 0 0 1 0 -50 cm 0 -20 Td (inner) Tj Q (restored) Tj ET')).toBe('Saved\ninner\nrestored');
  });

  it('measures gaps in text space whatever the transformation scales and rotates', () => {
    expect(textOf('q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 350 Td (Scaled up) Tj 40 0 Td (gap) Tj ET Q')).toBe('Scaled up gap');
    expect(textOf('BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Rotated text) Tj ( more) Tj ET BT /F1 12 Tf 0.7071 0.7071 -0.7071 0.7071 100 100 Tm (Diagonal words here) Tj ET')).toBe(
      'Rotated text more\nDiagonal words here',
    );
  });

  it('leaves out text drawn outside the page', () => {
    expect(textOf('BT /F1 12 Tf 72 700 Td (Visible) Tj 700 0 Td (Hidden) Tj ET BT /F1 12 Tf 72 -50 Td (Below) Tj ET')).toBe('Visible');
  });

  it('skips inline images whole, binary data and an "EI" within it included', () => {
    const content = [
      'BT /F1 12 Tf 72 700 Td (Before) Tj ET',
      'q 10 0 0 10 72 600 cm BI /W 4 /H 2 /BPC 8 /CS /G ID \x00EI\xff\x10 EI \x01\x02\x03\x04\x05\x06\x07 EI Q',
      'BT /F1 12 Tf 72 580 Td (After image) Tj ET',
      'q BI /W 2 /H 2 /BPC 8 /CS /RGB /F /AHx ID 00ff00ff00ff00ff00ff00ff> EI Q',
      'BT /F1 12 Tf 72 560 Td (Last line) Tj ET',
    ].join('\n');

    expect(textOf(content)).toBe('Before\nAfter image\nLast line');
  });

  it('reads the text of forms, nested ones with their own resources and matrix, and ignores images and a form drawing itself', () => {
    const resources = '<< /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R /Im1 8 0 R >> >>';
    const objects = {
      6: stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 -20] /Resources << /Font << /F9 4 0 R >> /XObject << /Fm2 7 0 R >> >>', 'BT /F9 11 Tf 72 700 Td (Inside the form) Tj ET /Fm2 Do'),
      7: stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F9 4 0 R >> /XObject << /Fm2 7 0 R >> >>', 'BT /F9 11 Tf 72 650 Td (Nested form) Tj ET /Fm2 Do'),
      8: stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x00'),
    };

    expect(textOf('BT /F1 12 Tf 72 700 Td (Page text) Tj ET q 1 0 0 1 0 -100 cm /Fm1 Do Q /Im1 Do BT /F1 12 Tf 72 500 Td (After form) Tj ET', resources, objects)).toBe(
      'Page textInside the formNested form\nAfter form',
    );
  });

  it('reads strings with escapes, nested parentheses and line continuations, hex strings with spaces and an odd digit, escaped names', () => {
    const content = 'BT /F#31 12 Tf 72 700 Td (a\\(b\\) (c) \\101\\102\\103 d\\\ne\\\\f) Tj % a comment (not text) Tj\n14 TL T* <47 6f 6f 64 2> Tj ET';

    expect(textOf(content)).toBe('a(b) (c) ABC de\\f\nGood');
  });

  it('reads text inside marked content', () => {
    expect(textOf('/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Tagged) Tj ET EMC /Span <</ActualText (x)>> BDC BT /F1 12 Tf 120 700 Td (text) Tj ET EMC')).toBe('Tagged text');
  });
});
