import { describe, expect, it } from 'vitest';
import { readTextLayer } from '../../../functions/shared/domain/documents/pdf/read-text-layer.ts';
import { UnsupportedPdfError } from '../../../functions/shared/domain/documents/pdf/unsupported-pdf-error.ts';
import { buildPdf, deflatedStream, onePageObjects } from './minimal-pdf.ts';

const unsupported = (reason: string): string => new UnsupportedPdfError(reason).message;

/** The text of a page drawn with font /F2 (object 6, plus any other objects given). */
function textWithFont(content: string, fontObjects: Readonly<Record<number, string | Buffer>>): string {
  return readTextLayer(buildPdf({ ...onePageObjects(content, '<< /Font << /F1 4 0 R /F2 6 0 R >> >>'), ...fontObjects }), Infinity);
}

/**
 * A ToUnicode CMap with each form: single codes, a range counted on from its first destination,
 * a range given as an array (a ligature among its destinations), UTF-16 surrogate pairs.
 */
const TO_UNICODE = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<0010> <D83DDE00>
endbfchar
3 beginbfrange
<0020> <0022> [<0041> <00660069> <00E9>]
<0030> <0039> <0030>
<0040> <0041> <D835DC00>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

function identityFont(encoding: string): Record<number, string | Buffer> {
  return {
    6: `<< /Type /Font /Subtype /Type0 /BaseFont /Subset+Sans /Encoding /${encoding} /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>`,
    7: '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Subset+Sans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [32 [600 700 800] 48 57 550] >>',
    8: deflatedStream('', TO_UNICODE),
  };
}

const TWO_BYTE_TEXT = '<00200021002200030031003200330040004100100022>';

describe('the fast reader: fonts', () => {
  it('maps a two-byte Identity-H font through its ToUnicode: ranges in both forms, a ligature, surrogate pairs', () => {
    expect(textWithFont(`BT /F2 12 Tf 72 700 Td ${TWO_BYTE_TEXT} Tj ET`, identityFont('Identity-H'))).toBe('Afié 123𝐀𝐁😀é');
  });

  it('reads a vertical Identity-V font top to bottom, columns apart', () => {
    expect(textWithFont(`BT /F2 12 Tf 300 700 Td ${TWO_BYTE_TEXT} Tj 0 -20 Td <0031 0032> Tj ET`, identityFont('Identity-V'))).toBe('Afié 123𝐀𝐁😀é12');
  });

  it('names glyphs through /Differences: Adobe glyph names, uniXXXX and uXXXXX, over a base encoding', () => {
    const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /eacute /Euro /fi /uni00E0 /u1F600 /Lslash /quotedblright /germandbls] >> >>';

    expect(textWithFont('BT /F2 12 Tf 72 700 Td (ABCDEFGH xyz) Tj ET', { 6: font })).toBe('é€fià😀Ł”ß xyz');
  });

  it.each([
    ['a Type1 font', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', 'It’s ‘'],
    ['a TrueType font without descriptor, nonsymbolic for pdf.js', '<< /Type /Font /Subtype /TrueType /BaseFont /Arial >>', 'It’s ‘'],
    ['a TrueType font not flagged nonsymbolic', '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FontDescriptor << /Flags 0 >> >>', "It's `"],
  ])('reads %s without /Encoding in the encoding pdf.js gives it (StandardEncoding, else WinAnsiEncoding)', (_, font, expected) => {
    expect(textWithFont("BT /F2 12 Tf 72 700 Td (It's \\140) Tj ET", { 6: font })).toBe(expected);
  });

  it('falls back to the encoding for a code its ToUnicode lacks', () => {
    const font = { 6: '<< /Type /Font /Subtype /TrueType /BaseFont /Foo /Encoding /WinAnsiEncoding /ToUnicode 9 0 R >>', 9: deflatedStream('', '1 beginbfchar <41> <0058> endbfchar') };

    expect(textWithFont('BT /F2 12 Tf 72 700 Td (ABC) Tj ET', font)).toBe('XBC');
  });

  it('takes a control code of a standard font for a space, as pdf.js does', () => {
    expect(textWithFont('BT /F2 12 Tf 72 700 Td (Name:\\tValue) Tj ET', { 6: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' })).toBe('Name: Value');
  });

  it.each([
    // "Total:" is 36 points wide in Courier (600 per glyph), 26.11 in Times-Bold, 27.22 in Helvetica-Bold.
    ['Courier', '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>', 72 + 36],
    ['Times-Bold', '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>', 72 + 26.11],
    ['Arial,Bold (as Helvetica-Bold)', '<< /Type /Font /Subtype /TrueType /BaseFont /Arial,Bold /Encoding /WinAnsiEncoding >>', 72 + 27.22],
  ])('measures %s given without widths with its standard metrics', (_, font, end) => {
    const amountAt = (x: number): string => `BT /F2 10 Tf 72 700 Td (Total:) Tj 1 0 0 1 ${x} 700 Tm (12,00) Tj ET`;

    // A gap of 0.05 em is no space; one of 0.2 em is.
    expect(textWithFont(amountAt(end + 0.5), { 6: font })).toBe('Total:12,00');
    expect(textWithFont(amountAt(end + 2), { 6: font })).toBe('Total: 12,00');
  });

  it('does not mind a font it cannot read that the page selects but never draws with', () => {
    const type3 = '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> /FirstChar 97 /LastChar 97 /Widths [500] >>';

    expect(textWithFont('BT /F2 12 Tf /F1 12 Tf 72 700 Td (Drawn in Helvetica) Tj ET', { 6: type3 })).toBe('Drawn in Helvetica');
  });

  it.each([
    ['a Type3 font', '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> /FirstChar 97 /LastChar 97 /Widths [500] >>', 'font : Type3 fonts are not read'],
    ['a predefined CJK CMap', '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [] >>', 'font STSong-Light: CMap other than Identity'],
    ['a two-byte font without ToUnicode', '<< /Type /Font /Subtype /Type0 /BaseFont /Sans /Encoding /Identity-H /DescendantFonts [] >>', 'font Sans: two-byte font without ToUnicode'],
    ['a symbolic TrueType font without ToUnicode', '<< /Type /Font /Subtype /TrueType /BaseFont /Wingdings /FontDescriptor << /Flags 4 >> >>', 'font Wingdings: symbolic font without ToUnicode'],
    ['an embedded Type1 font whose own program names its codes', '<< /Type /Font /Subtype /Type1 /BaseFont /CMSY10 /FontDescriptor << /Flags 4 /FontFile 4 0 R >> >>', 'font CMSY10: no text for code 97'],
    ['a glyph name the fast reader does not know', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [97 /afii10017] >> >>', 'font Helvetica: no text for code 97'],
  ])('leaves text in %s to pdf.js', (_, font, reason) => {
    expect(() => textWithFont('BT /F2 12 Tf 72 700 Td (a) Tj ET', { 6: font })).toThrow(unsupported(reason));
  });

  it('leaves text in a font missing from the resources to pdf.js, which substitutes one', () => {
    expect(() => textWithFont('BT /F7 12 Tf 72 700 Td (a) Tj ET', {})).toThrow(unsupported('font F7: not in the resources'));
  });
});
