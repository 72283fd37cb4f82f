/**
 * PDF objects as the reader holds them: names are JavaScript strings, strings are their bytes,
 * dictionaries are maps keyed by name (without the slash).
 */
export type PdfValue = number | boolean | null | string | Uint8Array | PdfValue[] | PdfDict | PdfRef | PdfStream;
export type PdfDict = Map<string, PdfValue>;

export class PdfRef {
  constructor(
    readonly objectNumber: number,
    readonly generation: number,
  ) {}
}

/** A stream object: its dictionary and its bytes as stored in the file, still encoded. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly encoded: Uint8Array,
  ) {}
}

export const isDict = (value: PdfValue | undefined): value is PdfDict => value instanceof Map;
export const isName = (value: PdfValue | undefined): value is string => typeof value === 'string';
export const isNumber = (value: PdfValue | undefined): value is number => typeof value === 'number';
export const isPdfString = (value: PdfValue | undefined): value is Uint8Array => value instanceof Uint8Array;
