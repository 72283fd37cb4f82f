import { IdentityCompositeFont } from './composite-font.ts';
import type { EncodingName } from './font-encodings.ts';
import type { Glyph, PdfFont } from './pdf-font.ts';
import type { PdfDocument } from './pdf-document.ts';
import { isDict, isName, isNumber, PdfStream, type PdfDict, type PdfValue } from './pdf-values.ts';
import { SimpleFont, type SimpleFontDescription } from './simple-font.ts';
import { standardDefaultWidth } from './standard-font-widths.ts';
import { parseToUnicodeCMap, type ToUnicodeCMap } from './to-unicode-cmap.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** Font descriptor flags (PDF 32000-1, 9.8.2). */
const SYMBOLIC = 4;
const NONSYMBOLIC = 32;

/** pdf.js's widths of a CID font without /DW and its vertical metrics without /DW2. */
const DEFAULT_CID_WIDTH = 1000;
const DEFAULT_VERTICAL_METRICS = [880, -1000] as const;

/** Font names pdf.js gives a symbol encoding, which the fast reader does not have. */
const SYMBOL_FONT_NAME = /^(Symbol|ZapfDingbats|Dingbats|Wingdings)/;

/**
 * A font the fast reader cannot map to text. It is only an error when text is shown with it: a
 * page may select a font it never uses.
 */
class UnreadableFont implements PdfFont {
  readonly vertical = false;
  readonly codeLength = 1;

  constructor(
    readonly name: string,
    private readonly reason: string,
  ) {}

  glyph(): Glyph {
    throw new UnsupportedPdfError(`font ${this.name}: ${this.reason}`);
  }
}

/** The font of a Tf naming no font of the resources: pdf.js substitutes one, the fast reader gives the page up. */
export const missingFont = (resourceName: string): PdfFont => new UnreadableFont(resourceName, 'not in the resources');

export function loadFont(document: PdfDocument, dict: PdfDict): PdfFont {
  const name = nameOf(document.resolve(dict.get('BaseFont'))) ?? '';
  const subtype = document.resolve(dict.get('Subtype'));
  try {
    switch (subtype) {
      case 'Type1':
      case 'MMType1':
      case 'TrueType':
        return loadSimpleFont(document, dict, name, subtype);
      case 'Type0':
        return loadIdentityFont(document, dict, name);
      default:
        return new UnreadableFont(name, `${isName(subtype) ? subtype : 'unknown'} fonts are not read`);
    }
  } catch (error) {
    if (error instanceof UnsupportedPdfError) return new UnreadableFont(name, error.reason);
    throw error;
  }
}

const nameOf = (value: PdfValue | undefined): string | undefined => (isName(value) ? value : undefined);

function loadSimpleFont(document: PdfDocument, dict: PdfDict, name: string, subtype: string): PdfFont {
  const descriptor = document.resolveDict(dict.get('FontDescriptor'));
  const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(key));
  const toUnicode = readToUnicode(document, dict.get('ToUnicode'));
  if (toUnicode === 'identity') return new UnreadableFont(name, 'identity ToUnicode on a one-byte font');
  const encoding = document.resolve(dict.get('Encoding'));
  const encodingDict = isDict(encoding) ? encoding : undefined;
  const differences = readDifferences(document, encodingDict?.get('Differences'));
  const named = nameOf(isDict(encoding) ? document.resolve(encoding.get('BaseEncoding')) : encoding);
  const symbolFont = SYMBOL_FONT_NAME.test(name.replace(/^[A-Z]{6}\+/, ''));
  if (named === 'MacExpertEncoding') return new UnreadableFont(name, 'MacExpertEncoding');
  // pdf.js only takes these encoding names from a font dictionary, and ignores the others.
  const baseEncoding = named === 'WinAnsiEncoding' || named === 'MacRomanEncoding' ? named : undefined;
  const hasEncoding = baseEncoding !== undefined || differences.length > 0;

  let defaultEncoding: EncodingName | undefined = baseEncoding && !(symbolFont && !embedded) ? baseEncoding : undefined;
  if (defaultEncoding === undefined) {
    // A font without descriptor (a standard font, as PDF 1.4 allowed) is flagged as pdf.js flags it.
    const declaredFlags = document.resolve(descriptor?.get('Flags'));
    const flags = descriptor === undefined ? (symbolFont ? SYMBOLIC : NONSYMBOLIC) : isNumber(declaredFlags) ? declaredFlags : 0;
    let symbolic = (flags & SYMBOLIC) !== 0;
    const nonsymbolic = (flags & NONSYMBOLIC) !== 0;
    if (subtype === 'TrueType' && symbolic && nonsymbolic && differences.length > 0) symbolic = false;
    if (embedded && toUnicode === undefined && subtype !== 'TrueType') {
      // pdf.js reads the codes /Differences does not name through the embedded program's own
      // encoding, which is not read here: they stay unknown.
      defaultEncoding = undefined;
    } else if (symbolic || symbolFont) {
      if (toUnicode === undefined) return new UnreadableFont(name, 'symbolic font without ToUnicode');
      defaultEncoding = 'MacRomanEncoding';
    } else {
      defaultEncoding = subtype === 'TrueType' && !nonsymbolic ? 'WinAnsiEncoding' : 'StandardEncoding';
    }
  }

  return new SimpleFont({
    name,
    toUnicode,
    encoding: defaultEncoding,
    differences,
    hasEncoding,
    ...readSimpleWidths(document, dict, descriptor, name),
    blanksUnencodedCodes: !embedded && subtype !== 'TrueType',
  });
}

function readDifferences(document: PdfDocument, value: PdfValue | undefined): (string | undefined)[] {
  const differences: (string | undefined)[] = [];
  const array = document.resolve(value);
  if (!Array.isArray(array)) return differences;
  let code = 0;
  for (const item of array) {
    const entry = document.resolve(item);
    if (isNumber(entry)) code = entry;
    else if (isName(entry)) differences[code++] = entry;
    else throw new UnsupportedPdfError('invalid /Differences entry');
  }
  return differences;
}

type SimpleWidths = Pick<SimpleFontDescription, 'widths' | 'missingWidth'>;

function readSimpleWidths(document: PdfDocument, dict: PdfDict, descriptor: PdfDict | undefined, name: string): SimpleWidths {
  const array = document.resolve(dict.get('Widths'));
  if (!Array.isArray(array)) return { widths: undefined, missingWidth: 0 };
  const firstChar = document.resolve(dict.get('FirstChar'));
  const first = isNumber(firstChar) && Number.isInteger(firstChar) ? firstChar : 0;
  const widths: (number | undefined)[] = [];
  array.forEach((item, index) => {
    const width = document.resolve(item);
    if (isNumber(width)) widths[first + index] = width;
  });
  // Without a descriptor, pdf.js gives codes /Widths lacks the standard font's default width.
  if (descriptor === undefined) return { widths, missingWidth: standardDefaultWidth(name) };
  const missingWidth = document.resolve(descriptor.get('MissingWidth'));
  return { widths, missingWidth: isNumber(missingWidth) ? missingWidth : 0 };
}

function readToUnicode(document: PdfDocument, value: PdfValue | undefined): ToUnicodeCMap | 'identity' | undefined {
  const toUnicode = document.resolve(value);
  if (toUnicode instanceof PdfStream) return parseToUnicodeCMap(document.decode(toUnicode));
  if (toUnicode === 'Identity-H' || toUnicode === 'Identity-V') return 'identity';
  return undefined;
}

function loadIdentityFont(document: PdfDocument, dict: PdfDict, name: string): PdfFont {
  const encoding = document.resolve(dict.get('Encoding'));
  if (encoding !== 'Identity-H' && encoding !== 'Identity-V') return new UnreadableFont(name, 'CMap other than Identity');
  const toUnicode = readToUnicode(document, dict.get('ToUnicode'));
  if (toUnicode === undefined) return new UnreadableFont(name, 'two-byte font without ToUnicode');
  const descendants = document.resolve(dict.get('DescendantFonts'));
  const descendant = document.resolveDict(Array.isArray(descendants) ? descendants[0] : descendants);
  if (descendant === undefined) return new UnreadableFont(name, 'no descendant font');
  const vertical = encoding === 'Identity-V';
  const defaultWidth = document.resolve(descendant.get('DW'));
  const [, defaultVerticalAdvance] = readPair(document, descendant.get('DW2')) ?? DEFAULT_VERTICAL_METRICS;
  return new IdentityCompositeFont({
    name,
    vertical,
    toUnicode: toUnicode === 'identity' ? undefined : toUnicode,
    widths: readCidMetrics(document, descendant.get('W'), 1),
    defaultWidth: isNumber(defaultWidth) ? Math.ceil(defaultWidth) : DEFAULT_CID_WIDTH,
    verticalAdvances: vertical ? readCidMetrics(document, descendant.get('W2'), 3) : new Map(),
    defaultVerticalAdvance,
  });
}

function readPair(document: PdfDocument, value: PdfValue | undefined): readonly [number, number] | undefined {
  const array = document.resolve(value);
  if (!Array.isArray(array) || array.length !== 2) return undefined;
  const [first, second] = array.map((item) => document.resolve(item));
  return isNumber(first) && isNumber(second) ? [first, second] : undefined;
}

/**
 * /W (one width per CID) or /W2 (w1y, vx, vy per CID, of which the advance w1y is kept), in
 * their two forms: "first [values...]" and "first last values".
 */
function readCidMetrics(document: PdfDocument, value: PdfValue | undefined, valuesPerCid: number): Map<number, number> {
  const metrics = new Map<number, number>();
  const array = document.resolve(value);
  if (!Array.isArray(array)) return metrics;
  const items = array.map((item) => document.resolve(item));
  for (let index = 0; index < items.length; ) {
    const first = items[index];
    const next = items[index + 1];
    if (!isNumber(first) || !Number.isInteger(first)) break;
    if (Array.isArray(next)) {
      const values = next.map((item) => document.resolve(item));
      for (let position = 0; position + valuesPerCid <= values.length; position += valuesPerCid) {
        const metric = values[position];
        if (isNumber(metric)) metrics.set(first + position / valuesPerCid, metric);
      }
      index += 2;
    } else if (isNumber(next) && Number.isInteger(next)) {
      const metric = items[index + 2];
      if (isNumber(metric)) for (let cid = first; cid <= next; cid += 1) metrics.set(cid, metric);
      index += 2 + valuesPerCid;
    } else {
      break;
    }
  }
  return metrics;
}
