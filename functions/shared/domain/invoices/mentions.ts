import { readNumber } from './amount.ts';
import { CURRENCY_MARK, currencyOfMark, isCurrencyMark } from './currency.ts';
import type { Money } from './types.ts';

/** An amount found on a line, with where it stands. */
export interface AmountMention extends Money {
  readonly index: number;
  /** Where the mention ends on the line. */
  readonly end: number;
  /** Written with a currency mark, rather than a bare number. */
  readonly marked: boolean;
  readonly hadDecimals: boolean;
  /** An OCR "O" was read as a zero. */
  readonly corrected: boolean;
}

/**
 * A printed number: digits, separators and OCR's "O" for zero, ending on a digit, not part of a
 * word, a longer number or a percentage.
 */
const NUMBER = String.raw`(?<![\p{L}\d.,/-])\d(?:(?:[\dOo.,'\u00a0\u202f]| (?=\d{3}(?![\dOo])))*[\dOo])?(?![\dOo]|[.,]\d|\s?%|[/-]\d)`;
/** A mark between two numbers ("x 20 USD 4.50") belongs to the one it comes before. */
const MENTION = new RegExp(`(?:(?<before>${CURRENCY_MARK})\\s?)?(?<number>${NUMBER})(?:\\s?(?<after>${CURRENCY_MARK})(?!\\s?\\d))?`, 'gu');

/**
 * The amounts on one line. A bare number counts only with two decimals; a currency mark that does
 * not decide the currency ("$" with no place known) leaves the amount without one.
 */
export function amountMentions(line: string, country: string | undefined): AmountMention[] {
  return [...line.matchAll(MENTION)].flatMap((match) => {
    const { before, number = '', after } = match.groups ?? {};
    const mark = [before, after].find((candidate) => candidate !== undefined && isCurrencyMark(candidate));
    // "6O,00" is read as 60,00 only when a currency says it is an amount.
    if (/[Oo]/.test(number) && mark === undefined) return [];
    const currency = mark === undefined ? undefined : currencyOfMark(mark, country);
    const read = readNumber(number.trim(), currency);
    if (!read || (mark === undefined && !read.hadDecimals)) return [];
    return [{
      amount: read.amount,
      ...(currency ? { currency } : {}),
      index: match.index,
      end: match.index + match[0].length,
      marked: mark !== undefined,
      hadDecimals: read.hadDecimals,
      corrected: read.corrected,
    }];
  });
}
