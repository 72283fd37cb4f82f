/**
 * Glyph widths (per 1000 em) of the standard fonts from their Adobe font metrics, for the fonts a
 * PDF may use without embedding them or giving their widths. The spaces between words are found
 * from glyph widths, so they must be the ones the PDF was laid out with.
 */
const AFM_GLYPH_NAMES = `
  space exclam quotedbl numbersign dollar percent ampersand quoteright parenleft parenright asterisk plus comma
  hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater
  question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum
  underscore quoteleft a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde
  exclamdown cent sterling fraction yen florin section currency quotesingle quotedblleft guillemotleft
  guilsinglleft guilsinglright fi fl endash dagger daggerdbl periodcentered paragraph bullet quotesinglbase
  quotedblbase quotedblright guillemotright ellipsis perthousand questiondown grave acute circumflex tilde
  macron breve dotaccent dieresis ring cedilla hungarumlaut ogonek caron emdash AE ordfeminine Lslash Oslash OE
  ordmasculine ae dotlessi lslash oslash oe germandbls Idieresis eacute abreve uhungarumlaut ecaron Ydieresis
  divide Yacute Acircumflex aacute Ucircumflex yacute scommaaccent ecircumflex Uring Udieresis aogonek Uacute
  uogonek Edieresis Dcroat commaaccent copyright Emacron ccaron aring Ncommaaccent lacute agrave Tcommaaccent
  Cacute atilde Edotaccent scaron scedilla iacute lozenge Rcaron Gcommaaccent ucircumflex acircumflex Amacron
  rcaron ccedilla Zdotaccent Thorn Omacron Racute Sacute dcaron Umacron uring threesuperior Ograve Agrave Abreve
  multiply uacute Tcaron partialdiff ydieresis Nacute icircumflex Ecircumflex adieresis edieresis cacute nacute
  umacron Ncaron Iacute plusminus brokenbar registered Gbreve Idotaccent summation Egrave racute omacron Zacute
  Zcaron greaterequal Eth Ccedilla lcommaaccent tcaron eogonek Uogonek Aacute Adieresis egrave zacute iogonek
  Oacute oacute amacron sacute idieresis Ocircumflex Ugrave Delta thorn twosuperior Odieresis mu igrave
  ohungarumlaut Eogonek dcroat threequarters Scedilla lcaron Kcommaaccent Lacute trademark edotaccent Igrave
  Imacron Lcaron onehalf lessequal ocircumflex ntilde Uhungarumlaut Eacute emacron gbreve onequarter Scaron
  Scommaaccent Ohungarumlaut degree ograve Ccaron ugrave radical Dcaron rcommaaccent Ntilde otilde Rcommaaccent
  Lcommaaccent Atilde Aogonek Aring Otilde zdotaccent Ecaron Iogonek kcommaaccent minus Icircumflex ncaron
  tcommaaccent logicalnot odieresis udieresis notequal gcommaaccent eth zcaron ncommaaccent onesuperior imacron
  Euro
`;

const AFM_WIDTHS = {
  'Helvetica': `
  278 278 355 556 556 889 667 222 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278
  278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722
  667 944 667 667 611 278 278 278 469 556 222 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556
  556 333 500 278 556 500 722 500 500 500 334 260 334 584 333 556 556 167 556 556 556 556 191 333 556 333 333
  500 500 556 556 556 278 537 350 222 333 333 556 1000 1000 611 333 333 333 333 333 333 333 333 333 333 333 333
  333 1000 1000 370 556 778 1000 365 889 278 222 611 944 611 278 556 556 556 556 667 584 667 667 556 722 500 500
  556 722 722 556 722 556 667 722 250 737 667 500 556 722 222 556 611 722 556 667 500 500 278 471 722 778 556
  556 667 333 500 611 667 778 722 667 643 722 556 333 778 667 667 584 556 611 476 500 722 278 667 556 556 500
  556 556 722 278 584 260 737 778 278 600 667 333 556 611 611 549 722 722 222 317 556 722 667 667 556 500 222
  778 556 556 500 278 778 722 612 556 333 778 556 278 556 667 556 834 667 299 667 556 1000 556 278 278 556 834
  549 556 556 722 667 556 556 834 667 667 778 400 556 722 556 453 722 333 722 556 722 556 667 667 667 778 500
  667 278 500 584 278 556 278 584 556 556 549 556 556 500 556 333 278 556
`,
  'Helvetica-Bold': `
  278 333 474 556 556 889 722 278 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 333
  333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722
  667 944 667 667 611 333 278 333 584 556 278 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611
  611 389 556 333 611 556 778 556 556 500 389 280 389 584 333 556 556 167 556 556 556 556 238 500 556 333 333
  611 611 556 556 556 278 556 350 278 500 500 556 1000 1000 611 333 333 333 333 333 333 333 333 333 333 333 333
  333 1000 1000 370 611 778 1000 365 889 278 278 611 944 611 278 556 556 611 556 667 584 667 722 556 722 556 556
  556 722 722 556 722 611 667 722 250 737 667 556 556 722 278 556 611 722 556 667 556 556 278 494 722 778 611
  556 722 389 556 611 667 778 722 667 743 722 611 333 778 722 722 584 611 611 494 556 722 278 667 556 556 556
  611 611 722 278 584 280 737 778 278 600 667 389 611 611 611 549 722 722 278 389 556 722 722 722 556 500 278
  778 611 556 556 278 778 722 612 611 333 778 611 278 611 667 611 834 667 400 722 611 1000 556 278 278 611 834
  549 611 611 722 667 556 611 834 667 667 778 400 611 722 611 549 722 389 722 611 722 611 722 722 722 778 500
  667 278 556 584 278 611 333 584 611 611 549 611 611 500 611 333 278 556
`,
  'Times-Roman': `
  250 333 408 500 500 833 778 333 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 278
  278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722
  722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500
  500 333 389 278 500 500 722 500 500 444 480 200 480 541 333 500 500 167 500 500 500 500 180 444 500 333 333
  556 556 500 500 500 250 453 350 333 444 444 500 1000 1000 444 333 333 333 333 333 333 333 333 333 333 333 333
  333 1000 889 276 611 722 889 310 667 278 278 500 722 500 333 444 444 500 444 722 564 722 722 444 722 500 389
  444 722 722 444 722 500 611 722 250 760 611 444 444 722 278 444 611 667 444 611 389 389 278 471 667 722 500
  444 722 333 444 611 556 722 667 556 588 722 500 300 722 722 722 564 500 611 476 500 722 278 611 444 444 444
  500 500 722 333 564 200 760 722 333 600 611 333 500 611 611 549 722 667 278 326 444 722 722 722 444 444 278
  722 500 444 389 278 722 722 612 500 300 722 500 278 500 611 500 750 556 344 722 611 980 444 333 333 611 750
  549 500 500 722 611 444 500 750 556 556 722 400 500 667 500 453 722 333 722 500 667 611 722 722 722 722 444
  611 333 500 564 333 500 278 564 500 500 549 500 500 444 500 300 278 500
`,
  'Times-Bold': `
  250 333 555 500 500 1000 833 333 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333
  333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722
  722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556
  556 444 389 333 556 500 722 500 500 444 394 220 394 520 333 500 500 167 500 500 500 500 278 500 500 333 333
  556 556 500 500 500 250 540 350 333 500 500 500 1000 1000 500 333 333 333 333 333 333 333 333 333 333 333 333
  333 1000 1000 300 667 778 1000 330 722 278 278 500 722 556 389 444 500 556 444 722 570 722 722 500 722 500 389
  444 722 722 500 722 556 667 722 250 747 667 444 500 722 278 500 667 722 500 667 389 389 278 494 722 778 556
  500 722 444 444 667 611 778 722 556 672 722 556 300 778 722 722 570 556 667 494 500 722 278 667 500 444 444
  556 556 722 389 570 220 747 778 389 600 667 444 500 667 667 549 722 722 278 416 444 722 722 722 444 444 278
  778 500 500 389 278 778 722 612 556 300 778 556 278 500 667 556 750 556 394 778 667 1000 444 389 389 667 750
  549 500 556 722 667 444 500 750 556 556 778 400 500 722 556 549 722 444 722 500 722 667 722 722 722 778 444
  667 389 556 570 389 556 333 570 500 556 549 500 500 444 556 300 278 500
`,
  'Times-Italic': `
  250 333 420 500 500 833 778 333 333 333 500 675 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333
  333 675 675 675 500 920 611 611 667 722 611 611 722 722 333 444 667 556 833 667 722 611 722 611 500 556 722
  611 833 611 556 556 389 278 389 422 500 333 500 500 444 500 444 278 500 500 278 278 444 278 722 500 500 500
  500 389 389 278 500 444 667 444 444 389 400 275 400 541 389 500 500 167 500 500 500 500 214 556 500 333 333
  500 500 500 500 500 250 523 350 333 556 556 500 889 1000 500 333 333 333 333 333 333 333 333 333 333 333 333
  333 889 889 276 556 722 944 310 667 278 278 500 667 500 333 444 500 500 444 556 675 556 611 500 722 444 389
  444 722 722 500 722 500 611 722 250 760 611 444 500 667 278 500 556 667 500 611 389 389 278 471 611 722 500
  500 611 389 444 556 611 722 611 500 544 722 500 300 722 611 611 675 500 556 476 444 667 278 611 500 444 444
  500 500 667 333 675 275 760 722 333 600 611 389 500 556 556 549 722 667 278 300 444 722 611 611 444 389 278
  722 500 500 389 278 722 722 612 500 300 722 500 278 500 611 500 750 500 300 667 556 980 444 333 333 611 750
  549 500 500 722 611 444 500 750 500 500 722 400 500 667 500 453 722 389 667 500 611 556 611 611 611 722 389
  611 333 444 675 333 500 278 675 500 500 549 500 500 389 500 300 278 500
`,
  'Times-BoldItalic': `
  250 389 555 500 500 833 778 333 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333
  333 570 570 570 500 832 667 667 667 722 667 667 722 778 389 500 667 611 889 722 722 611 722 667 556 611 722
  667 889 667 611 611 333 278 333 570 500 333 500 500 444 500 444 333 500 556 278 278 500 278 778 556 500 500
  500 389 389 278 556 444 667 500 444 389 348 220 348 570 389 500 500 167 500 500 500 500 278 500 500 333 333
  556 556 500 500 500 250 500 350 333 500 500 500 1000 1000 500 333 333 333 333 333 333 333 333 333 333 333 333
  333 1000 944 266 611 722 944 300 722 278 278 500 722 500 389 444 500 556 444 611 570 611 667 500 722 444 389
  444 722 722 500 722 556 667 722 250 747 667 444 500 722 278 500 611 667 500 667 389 389 278 494 667 722 556
  500 667 389 444 611 611 722 667 556 608 722 556 300 722 667 667 570 556 611 494 444 722 278 667 500 444 444
  556 556 722 389 570 220 747 722 389 600 667 389 500 611 611 549 722 667 278 366 444 722 667 667 444 389 278
  722 500 500 389 278 722 722 612 500 300 722 576 278 500 667 500 750 556 382 667 611 1000 444 389 389 611 750
  549 500 556 722 667 444 500 750 556 556 722 400 500 667 556 549 722 389 722 500 667 611 667 667 667 722 389
  667 389 500 606 389 556 278 606 500 556 549 500 500 389 556 300 278 500
`,
} as const;

type MetricsFontName = keyof typeof AFM_WIDTHS;

/** Every Courier glyph has this width. */
const COURIER_WIDTH = 600;

const parsed = new Map<MetricsFontName, ReadonlyMap<string, number>>();

function widthsOf(font: MetricsFontName): ReadonlyMap<string, number> {
  let widths = parsed.get(font);
  if (widths === undefined) {
    const names = AFM_GLYPH_NAMES.trim().split(/\s+/);
    const values = AFM_WIDTHS[font].trim().split(/\s+/);
    widths = new Map(names.map((name, index) => [name, Number(values[index])]));
    parsed.set(font, widths);
  }
  return widths;
}

/** A standard family under its names and aliases, then the style after a hyphen. */
const STANDARD_FAMILY =
  /^(Helvetica(?:LTStd)?|Arial(?:MT|Narrow|Black|-Black|UnicodeMS)?|Times(?:-Roman)?|TimesNewRoman(?:PS)?(?:MT)?|Courier(?:New(?:PS)?(?:MT)?)?)(?:-(.*))?$/;
/** Common serif families, which pdf.js lays out with Times when they come without widths. */
const SERIF_FAMILY = /^(Georgia|Garamond|Cambria|Palatino|Bookman|Baskerville|Century)/;

/**
 * The metrics pdf.js lays a font without widths out with: the standard font it names, under its
 * own name or a common alias (Arial, Times New Roman, Courier New), else plain Times for a serif
 * family and plain Helvetica for any other.
 */
function metricsFontOf(baseFont: string): MetricsFontName | 'Courier' {
  const name = baseFont.replace(/[,_]/g, '-').replace(/\s/g, '');
  const family = STANDARD_FAMILY.exec(name);
  if (family === null) return /serif/i.test(name.split('-', 1)[0]!) || SERIF_FAMILY.test(name) ? 'Times-Roman' : 'Helvetica';
  const style = family[2] ?? '';
  const bold = /Bold/.test(style);
  const italic = /Italic|Oblique/.test(style);
  if (family[1]!.startsWith('Courier')) return 'Courier';
  if (family[1]!.startsWith('Times')) {
    if (bold) return italic ? 'Times-BoldItalic' : 'Times-Bold';
    return italic ? 'Times-Italic' : 'Times-Roman';
  }
  return bold ? 'Helvetica-Bold' : 'Helvetica';
}

/**
 * The widths of the glyphs of a font given without widths, by glyph name, as pdf.js takes them:
 * its standard font's, or the Helvetica or Times one pdf.js substitutes; 0 for a glyph the
 * metrics lack.
 */
export function standardGlyphWidths(baseFont: string): (glyphName: string) => number {
  const font = metricsFontOf(baseFont);
  if (font === 'Courier') return () => COURIER_WIDTH;
  const widths = widthsOf(font);
  return (glyphName) => widths.get(glyphName) ?? 0;
}

/** The width of glyphs a standard font's metrics lack: all of Courier's are 600, the others' have no default. */
export function standardDefaultWidth(baseFont: string): number {
  return metricsFontOf(baseFont) === 'Courier' ? COURIER_WIDTH : 0;
}
