import { afterEach, describe, expect, it, vi } from 'vitest';
import { formattersFor } from '../../../functions/shared/templates/format.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const french = formattersFor('fr-FR');
const english = formattersFor('en-GB');

describe('formattersFor', () => {
  it('names countries in the language', () => {
    expect([french.country('US'), french.country('DE')]).toEqual(['États-Unis', 'Allemagne']);
    expect([english.country('US'), english.country('DE')]).toEqual(['United States', 'Germany']);
  });

  it('keeps a value that is not an ISO country code as it is', () => {
    expect(english.country('usa')).toBe('usa');
  });

  it('shows dates in Paris time, with the offset of the season', () => {
    expect(french.dateTime(new Date('2026-01-05T08:05:00Z'))).toBe('5 janvier 2026 à 09:05 UTC+1');
    expect(english.dateTime(new Date('2026-07-14T22:30:00Z'))).toBe('15 July 2026 at 00:30 CEST');
  });

  it('shows file sizes in bytes, kilobytes or megabytes', () => {
    expect([999, 1000, 999_000, 1_000_000, 12_345_678].map(french.fileSize)).toEqual([
      `999${NBSP}octets`,
      `1${NARROW_NBSP}ko`,
      `999${NARROW_NBSP}ko`,
      `1${NARROW_NBSP}Mo`,
      `12,3${NARROW_NBSP}Mo`,
    ]);
    expect([1, 999, 1500, 2_500_000].map(english.fileSize)).toEqual(['1 byte', '999 bytes', '1.5 kB', '2.5 MB']);
  });

  describe('making the Intl objects', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    /** Counts the objects made of each Intl class, which are made as before. */
    const spyOnIntl = () => {
      const { DisplayNames, DateTimeFormat, NumberFormat } = Intl;
      return {
        countries: vi.spyOn(Intl, 'DisplayNames').mockImplementation(function (...args) {
          return new DisplayNames(...args);
        }),
        dates: vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args) {
          return new DateTimeFormat(...args);
        }),
        numbers: vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args) {
          return new NumberFormat(...args);
        }),
      };
    };

    it('makes none before a value is formatted', () => {
      const made = spyOnIntl();
      formattersFor('fr-FR');
      for (const constructor of [made.countries, made.dates, made.numbers]) expect(constructor).not.toHaveBeenCalled();
    });

    it('makes each the first time it is needed, and only then', () => {
      const made = spyOnIntl();
      const format = formattersFor('en-GB');
      expect([format.fileSize(10), format.fileSize(20)]).toEqual(['10 bytes', '20 bytes']);
      expect(made.numbers).toHaveBeenCalledTimes(1);
      format.fileSize(2000);
      expect(made.numbers).toHaveBeenCalledTimes(2);
      format.dateTime(new Date('2026-01-05T08:05:00Z'));
      format.dateTime(new Date('2026-01-06T08:05:00Z'));
      expect(made.dates).toHaveBeenCalledTimes(1);
      format.country('FR');
      format.country('DE');
      expect(made.countries).toHaveBeenCalledTimes(1);
    });
  });
});
