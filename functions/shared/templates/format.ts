/** Locale-aware formatting of the values the messages show, all through Intl. */
export interface Formatters {
  /** Country name from an ISO 3166-1 alpha-2 code; the code itself when it is not one. */
  country(code: string): string;
  dateTime(date: Date): string;
  fileSize(bytes: number): string;
  /** An amount as the reader writes it ("60,00 €", "€60.00"), from a decimal string: never through a float. */
  money(amount: string, currency: string | undefined): string;
  /** A day ("21 novembre 2026", "21 November 2026") from ISO YYYY-MM-DD. */
  day(isoDate: string): string;
}

const ISO_COUNTRY_CODE = /^[A-Z]{2}$/;
const BYTES_PER_KILOBYTE = 1000;
const BYTES_PER_MEGABYTE = 1000 * BYTES_PER_KILOBYTE;

/** Claims are handled from France: dates read in Paris time, with the offset shown. */
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
  timeZoneName: 'short',
};

/** A day of service is a calendar day, wherever it is read: no time zone may move it. */
const DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

/** The value `create` makes, made on the first call and kept for the next ones. */
function onFirstUse<Value>(create: () => Value): () => Value {
  let value: Value | undefined;
  return () => (value ??= create());
}

/**
 * The Intl objects are made on first use: each takes milliseconds (the first one loads the ICU
 * data), and a cold start would otherwise make them for every language whichever one it writes
 * in, or none (the status page's not-found answer).
 */
export function formattersFor(locale: string): Formatters {
  const countries = onFirstUse(() => new Intl.DisplayNames([locale], { type: 'region' }));
  const dates = onFirstUse(() => new Intl.DateTimeFormat(locale, DATE_TIME_OPTIONS));
  const unit = (name: string, unitDisplay: 'long' | 'short') =>
    onFirstUse(() => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay, maximumFractionDigits: 1 }));
  // Long form for bytes: the short English form is the singular "byte".
  const bytes = unit('byte', 'long');
  const kilobytes = unit('kilobyte', 'short');
  const megabytes = unit('megabyte', 'short');
  const currencies = new Map<string, Intl.NumberFormat>();
  const moneyIn = (currency: string) => {
    const made = currencies.get(currency) ?? new Intl.NumberFormat(locale, { style: 'currency', currency });
    currencies.set(currency, made);
    return made;
  };
  const plainAmounts = new Map<number, Intl.NumberFormat>();
  // An amount whose currency was not read keeps the decimals it was written with.
  const plainAmount = (amount: string) => {
    const decimals = amount.split('.')[1]?.length ?? 0;
    const made = plainAmounts.get(decimals) ?? new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    plainAmounts.set(decimals, made);
    return made;
  };
  const days = onFirstUse(() => new Intl.DateTimeFormat(locale, DAY_OPTIONS));
  return {
    money: (amount, currency) => (currency ? moneyIn(currency) : plainAmount(amount)).format(amount as Intl.StringNumericLiteral),
    day: (isoDate) => days().format(new Date(`${isoDate}T00:00:00Z`)),
    country: (code) => (ISO_COUNTRY_CODE.test(code) ? (countries().of(code) ?? code) : code),
    dateTime: (date) => dates().format(date),
    fileSize: (size) => {
      if (size < BYTES_PER_KILOBYTE) return bytes().format(size);
      if (size < BYTES_PER_MEGABYTE) return kilobytes().format(size / BYTES_PER_KILOBYTE);
      return megabytes().format(size / BYTES_PER_MEGABYTE);
    },
  };
}
