/** ISO 4217 currencies as written on an invoice, "$" decided by the place of the document. */

const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));

/** Symbols that name one currency wherever they are printed. */
const SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '₫': 'VND',
  'đ': 'VND',
  'VNĐ': 'VND',
  '฿': 'THB',
  '₹': 'INR',
  'US$': 'USD',
  'C$': 'CAD',
  'CA$': 'CAD',
  'S$': 'SGD',
  'A$': 'AUD',
  'HK$': 'HKD',
  'R$': 'BRL',
};

/**
 * What a bare "$" means where the document was written: dollars of the country, or US dollars
 * where they are the money in use (Cambodia, Ecuador...). Elsewhere "$" is not decided.
 */
const DOLLAR_BY_COUNTRY: Readonly<Record<string, string>> = {
  US: 'USD', PR: 'USD', KH: 'USD', EC: 'USD', SV: 'USD', PA: 'USD', TL: 'USD', ZW: 'USD',
  CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD', MX: 'MXN', TW: 'TWD',
};

/** The marks an amount can carry before or after it, longest first so that "US$" wins over "$". */
export const CURRENCY_MARK = String.raw`US\$|CA\$|HK\$|[CSAR]\$|\$|€|£|₫|฿|₹|VNĐ|đ(?!\p{L})|\b[A-Z]{3}\b`;

/** The ISO 4217 code a mark stands for, given the document's country; undefined when it does not decide. */
export function currencyOfMark(mark: string, country: string | undefined): string | undefined {
  if (mark === '$') return country ? DOLLAR_BY_COUNTRY[country] : undefined;
  return SYMBOLS[mark] ?? (ISO_CODES.has(mark) ? mark : undefined);
}

/** Whether three capitals are a currency code rather than a word ("TTC", "HT"). */
/** Whether the runtime knows the code as ISO 4217: a code outside them is never passed on unchecked. */
export function isIsoCurrency(code: string): boolean {
  return ISO_CODES.has(code);
}

export function isCurrencyMark(mark: string): boolean {
  return mark in SYMBOLS || mark === '$' || ISO_CODES.has(mark);
}

/** Digits after the decimal separator in the currency: 2 for EUR, 0 for VND and JPY. */
export function minorDigits(currency: string | undefined): number {
  if (!currency) return 2;
  let digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_DIGITS.set(currency, digits);
  }
  return digits;
}

/** Digits by currency, as Intl said them: building a NumberFormat costs more than reading an amount. */
const MINOR_DIGITS = new Map<string, number>();
