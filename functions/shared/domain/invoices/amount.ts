import { minorDigits } from './currency.ts';

/** A number as printed: its digits, and whether it carried decimals or needed an OCR correction. */
export interface ReadNumber {
  /** Decimal string with the currency's minor digits: "1200.00", "2500000". */
  readonly amount: string;
  readonly hadDecimals: boolean;
  readonly corrected: boolean;
}

/** Separators between groups of thousands: dot, comma, apostrophe, (no-break) spaces. */
const GROUPING = /[ '\u00a0\u202f]/g;
/** "O" or "o" read by OCR where the printed character was a zero. */
const LETTER_O = /[Oo]/g;

/**
 * Reads a printed number by the conventions of its locale, whatever they are: a separator followed
 * by two digits at the end is the decimal one ("60,00", "1,200.00", "1.200,00"); groups of three
 * after one and the same separator are thousands ("2.500.000", "2,500,000"). Anything else (one
 * decimal, four, mixed groupings) is not sure and gives undefined.
 */
export function readNumber(printed: string, currency: string | undefined): ReadNumber | undefined {
  const corrected = LETTER_O.test(printed);
  const compact = printed.replace(LETTER_O, '0').replace(GROUPING, (space) => (space === "'" ? '' : ' ')).replace(/ (?=\d{3}(?!\d))/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return undefined;
  const digits = minorDigits(currency);
  const decimal = /^(.*?)([.,])(\d{2})$/.exec(compact);
  if (decimal) {
    const [, integerPart = '', separator, fraction = ''] = decimal;
    const integer = thousands(integerPart, separator === '.' ? ',' : '.');
    if (integer === undefined) return undefined;
    return { amount: withMinorDigits(integer, fraction, digits), hadDecimals: true, corrected };
  }
  const integer = thousands(compact, compact.match(/[.,]/)?.[0] ?? ',');
  // With three decimals (Kuwaiti or Bahraini money) a group of three could be a fraction.
  if (integer === undefined || digits > 2) return undefined;
  return { amount: withMinorDigits(integer, '', digits), hadDecimals: false, corrected };
}

/** The integer "1.234.567" stands for, groups of three after the given separator only; undefined otherwise. */
function thousands(printed: string, separator: string): string | undefined {
  const groups = printed.split(separator);
  const [first = '', ...rest] = groups;
  if (!/^\d+$/.test(first) || (rest.length > 0 && first.length > 3)) return undefined;
  if (!rest.every((group) => /^\d{3}$/.test(group))) return undefined;
  return groups.join('').replace(/^0+(?=\d)/, '');
}

function withMinorDigits(integer: string, fraction: string, digits: number): string {
  if (digits === 0) return /^0*$/.test(fraction) ? integer : `${integer}.${fraction}`;
  return `${integer}.${fraction.padEnd(digits, '0')}`;
}

/** Sum of decimal strings, exact: in minor units, as integers. */
export function sumAmounts(amounts: readonly string[]): string {
  const scale = Math.max(0, ...amounts.map((amount) => amount.split('.')[1]?.length ?? 0));
  const total = amounts.reduce((sum, amount) => {
    const [integer = '0', fraction = ''] = amount.split('.');
    return sum + BigInt(integer + fraction.padEnd(scale, '0'));
  }, 0n);
  if (scale === 0) return total.toString();
  const padded = total.toString().padStart(scale + 1, '0');
  return `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
