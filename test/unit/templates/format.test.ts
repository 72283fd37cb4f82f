import { describe, expect, it } from 'vitest';
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
});
