import { describe, expect, it } from 'vitest';
import { cluesIn } from '../../support/location-clues.ts';

const PARIS = 'FR/medium: place name Paris (FR)';
const BERLIN = 'DE/medium: place name Berlin (DE)';

describe('where a clue starts and ends', () => {
  describe('place names', () => {
    it('takes any run of spaces, hyphens and apostrophes between the words of a name', () => {
      expect(cluesIn('Phnom  -  Penh')).toEqual(['KH/medium: place name Phnom Penh (KH)']);
      expect(cluesIn("Côte  d'  Ivoire")).toEqual(["CI/medium: place name Cote d'Ivoire (CI)"]);
      expect(cluesIn('RIO-DE-JANEIRO')).toEqual(['BR/medium: place name Rio de Janeiro (BR)']);
      expect(cluesIn('Los\nAngeles')).toEqual(['US/medium: place name Los Angeles (US)']);
    });

    it('takes the longest name, and none after "new" unless the name itself starts with it', () => {
      expect(cluesIn('New-york city')).toEqual(['US/medium: place name New York City (US)']);
      expect(cluesIn('NEW - DELHI')).toEqual(['IN/medium: place name New Delhi (IN)']);
      // New Madrid, Missouri, is below the cities' population floor; New Berlin, Wisconsin, is not.
      expect(cluesIn('New Madrid')).toEqual([]);
      expect(cluesIn('new\u00a0madrid')).toEqual([]);
      expect(cluesIn('New Berlin')).toEqual(['US/medium: place name New Berlin (US)']);
      expect(cluesIn('Renew Berlin')).toEqual([BERLIN]);
      expect(cluesIn('Newark')).toEqual(['US/medium: place name Newark (US)']);
    });

    it('takes a name only as a whole word, not within a word, a web address or a file name', () => {
      expect(cluesIn('Parisien, Paris2, Paris_2024, Paris-Nord, paris.fr')).toEqual([]);
      expect(cluesIn('x@Berlin /Berlin .Berlin')).toEqual([]);
      expect(cluesIn('Paris.')).toEqual([PARIS]);
      expect(cluesIn('Paris,France')).toEqual([PARIS, 'FR/medium: place name France (FR)']);
    });

    it('reads letters beyond ASCII, those written with two UTF-16 units included, as letters', () => {
      expect(cluesIn('MÜNCHEN')).toEqual(['DE/medium: place name München (DE)']);
      expect(cluesIn('KØBENHAVN')).toEqual(['DK/medium: place name København (DK)']);
      expect(cluesIn('ßBerlin')).toEqual([]);
      expect(cluesIn('\u{1D400}Berlin')).toEqual([]);
      expect(cluesIn('Berlin\u{1D400}')).toEqual([]);
      expect(cluesIn('\u{1F600}Berlin')).toEqual([BERLIN]);
      expect(cluesIn('Berlin\u{1F600}')).toEqual([BERLIN]);
    });

    it('takes abbreviations as written, not within a word', () => {
      expect(cluesIn('USA-based')).toEqual(['US/medium: place name USA (US)']);
      expect(cluesIn('UK.')).toEqual(['GB/medium: place name UK (GB)']);
      expect(cluesIn('USAID, éUSA, U.S.A.X')).toEqual([]);
    });
  });

  describe('identifiers and postcodes', () => {
    it('takes a VAT number only after no letter or digit, each number once', () => {
      expect(cluesIn('DE 123456788')).toEqual(['DE/strong: VAT number DE123456788 (DE)']);
      expect(cluesIn('XDE123456788, BES0403170701, GBE 0403.170.701')).toEqual([]);
      expect(cluesIn('VAT FR60421938861 and FR 60 421 938 861')).toEqual(['FR/strong: VAT number FR60421938861 (FR)']);
      expect(cluesIn('CHE-123.456.789 CHE-123.456.789')).toEqual(['CH/medium: VAT number CHE123456789 (CH)']);
    });

    it('takes a postcode, a province or a country letter only after no word', () => {
      expect(cluesIn('é75002 Paris')).toEqual([PARIS]);
      expect(cluesIn('_75002 Paris')).toEqual([PARIS]);
      expect(cluesIn('F-75002 Paris')).toEqual(['FR/medium: postcode with country letter F-75002 Paris (FR)', PARIS]);
      expect(cluesIn('xQC H3B 4W8')).toEqual([]);
      expect(cluesIn('ON\u00a0M5V 3L9')).toEqual(['CA/strong: Canadian province and postal code area ON M5V (CA)']);
    });

    it('reads typographic apostrophes, hyphens and spaces as plain ones', () => {
      expect(cluesIn('Côte d\u2018Ivoire, Côte d\u02bcIvoire')).toEqual(["CI/medium: place name Cote d'Ivoire (CI)"]);
      expect(cluesIn('Levallois\u2011Perret 92300, 92300 Levallois\u2012Perret')).toEqual([
        'FR/strong: French postcode and town 92300 Levallois-Perret (FR)',
        'FR/medium: place name Levallois-Perret (FR)',
      ]);
    });
  });
});
