import { allMatches } from '../matches.ts';
import { withoutAccents } from '../text-folding.ts';
import type { InvoiceLanguage } from './labels.ts';

/** In which order a date's numbers are written: decided by the place, else by the language. */
export type DateOrder = 'day-first' | 'month-first';

/** Countries that write the month first; Canada writes both, so its language decides. */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'PH', 'FM', 'MH', 'PW']);
const ORDER_BY_LANGUAGE_COUNTRIES = new Set(['CA']);

/**
 * English is written month-first in the US and day-first in most of the world, so it decides
 * nothing alone; the other languages the reader knows write the day first.
 */
export function dateOrder(country: string | undefined, language: InvoiceLanguage | undefined): DateOrder | undefined {
  if (country && !ORDER_BY_LANGUAGE_COUNTRIES.has(country)) return MONTH_FIRST_COUNTRIES.has(country) ? 'month-first' : 'day-first';
  return language && language !== 'en' ? 'day-first' : undefined;
}

/** Years an invoice date can be in: outside them a number is not the date it looks like. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/**
 * Numeric dates, found where no digit or separator comes right before them ("(?<![\d/.-])"),
 * tested where a match starts rather than by a lookbehind the search would try at every position.
 */
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?![\d/.-]?\d)/gu;
const NUMERIC_DATE = /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]?\d)/gu;
const DATE_JOINED_BEFORE = /[\d/.-]/;
const startsDate = (line: string, index: number): boolean => index === 0 || !DATE_JOINED_BEFORE.test(line.charAt(index - 1));
const VIETNAMESE_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;

/** A found date: ISO, and where it stands on the line. */
export interface DateMention {
  readonly date: string;
  readonly index: number;
}

/**
 * The dates written with numbers on a line. "03/04/2025" is read only when the order is known or
 * only one order gives a real date ("14/03/2025"); otherwise it is left out.
 */
export function numericDates(line: string, order: DateOrder | undefined): DateMention[] {
  const iso = allMatches(line, ISO_DATE, startsDate).flatMap((m) => dated(m.index, m[1], m[2], m[3]));
  const vietnamese = [...line.matchAll(VIETNAMESE_DATE)].flatMap((m) => dated(m.index, m[3], m[2], m[1]));
  const numeric = allMatches(line, NUMERIC_DATE, startsDate).flatMap((m) => {
    const [, first = '', , second = '', yearText = ''] = m;
    const year = yearText.length === 2 ? `20${yearText}` : yearText;
    const dayFirst = dated(m.index, year, second, first);
    const monthFirst = dated(m.index, year, first, second);
    if (order === 'day-first') return dayFirst;
    if (order === 'month-first') return monthFirst;
    if (dayFirst.length > 0 && monthFirst.length > 0 && first !== second) return [];
    return dayFirst.length > 0 ? dayFirst : monthFirst;
  });
  return [...iso, ...vietnamese, ...numeric];
}

/** The date if it is a real day in the years invoices are in. */
function dated(index: number, year = '', month = '', day = ''): DateMention[] {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || m < 1 || m > 12 || d < 1) return [];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return [];
  return [{ date: date.toISOString().slice(0, 10), index }];
}

type Chrono = typeof import('chrono-node');
let chrono: Promise<Chrono> | undefined;

/** The languages chrono reads dates in. */
const CHRONO_LANGUAGES = ['en', 'fr', 'de', 'es', 'nl'] as const;

/** Lower case, accents dropped: "Février" and "fevrier" alike. */
const folded = (text: string): string => withoutAccents(text).toLowerCase();

/** The first three letters of each month's name and abbreviation in those languages, from the runtime's locale data. */
function monthNameStarts(): string[] {
  const starts = new Set<string>();
  for (const language of CHRONO_LANGUAGES) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' });
      for (let index = 0; index < 12; index += 1) starts.add(folded(format.format(Date.UTC(2025, index, 15))).replace(/\P{L}/gu, '').slice(0, 3));
    }
  }
  return [...starts];
}

/**
 * A word starting like a month's name. A line without one names no month, and chrono, which costs
 * about a millisecond a line in each language, is not asked: a statement has hundreds of lines.
 * Made on first use, like chrono: the locale data is not read at cold start.
 */
let monthNames: { readonly letters: RegExp; readonly atWordStart: RegExp } | undefined;

function monthNamePatterns(): NonNullable<typeof monthNames> {
  const starts = `(?:${monthNameStarts().join('|')})`;
  return { letters: new RegExp(starts), atWordStart: new RegExp(`(?:^|\\P{L})${starts}`, 'u') };
}

/** Lines without the letters are ruled out by a plain search first, before the one that tries a Unicode class at every position. */
function namesMonth(line: string): boolean {
  monthNames ??= monthNamePatterns();
  const text = folded(line);
  return monthNames.letters.test(text) && monthNames.atWordStart.test(text);
}

/**
 * Dates written with the month's name ("12 mars 2025", "March 18, 2025", "7. Mai 2014"), by
 * chrono in the document's language, or in each it knows when the language is not known; only
 * dates whose day, month and year are all written.
 */
export async function namedMonthDates(line: string, language?: InvoiceLanguage): Promise<DateMention[]> {
  // A month's name and a number, or chrono has nothing to find.
  if (!/\d/.test(line) || !namesMonth(line)) return [];
  // Loaded on first use: most messages carry no invoice.
  const { en, fr, de, es, nl } = await (chrono ??= import('chrono-node'));
  const byLanguage = { en, fr, de, es, nl } satisfies Record<(typeof CHRONO_LANGUAGES)[number], unknown>;
  // Vietnamese invoices name months in English when they name them at all.
  const parser = language === 'vi' ? en : language && byLanguage[language];
  return (parser ? [parser] : Object.values(byLanguage)).flatMap((parser) =>
    parser
      .parse(line)
      .filter((result) => /\p{L}{3}/u.test(result.text) && ['day', 'month', 'year'].every((part) => result.start.isCertain(part as 'day')))
      .flatMap((result) => dated(result.index, String(result.start.get('year')), String(result.start.get('month')), String(result.start.get('day')))),
  );
}
