import type { Finding } from '../finding.ts';
import { allMatches } from '../../matches.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** Canadian provinces and territories: code, names, and the first letters of their postal codes. */
const CANADIAN_PROVINCES: readonly { code: string; names: readonly string[]; postalLetters: string }[] = [
  { code: 'QC', names: ['Québec', 'Quebec'], postalLetters: 'GHJ' },
  { code: 'ON', names: ['Ontario'], postalLetters: 'KLMNP' },
  { code: 'BC', names: ['British Columbia', 'Colombie-Britannique'], postalLetters: 'V' },
  { code: 'AB', names: ['Alberta'], postalLetters: 'T' },
  { code: 'MB', names: ['Manitoba'], postalLetters: 'R' },
  { code: 'SK', names: ['Saskatchewan'], postalLetters: 'S' },
  { code: 'NS', names: ['Nova Scotia', 'Nouvelle-Écosse'], postalLetters: 'B' },
  { code: 'NB', names: ['New Brunswick', 'Nouveau-Brunswick'], postalLetters: 'E' },
  { code: 'NL', names: ['Newfoundland and Labrador', 'Terre-Neuve-et-Labrador'], postalLetters: 'A' },
  { code: 'PE', names: ['Prince Edward Island', 'Île-du-Prince-Édouard'], postalLetters: 'C' },
  { code: 'NT', names: ['Northwest Territories', 'Territoires du Nord-Ouest'], postalLetters: 'X' },
  { code: 'NU', names: ['Nunavut'], postalLetters: 'X' },
  { code: 'YT', names: ['Yukon'], postalLetters: 'Y' },
];

const PROVINCE_BY_WRITTEN_NAME: ReadonlyMap<string, (typeof CANADIAN_PROVINCES)[number]> = new Map(
  CANADIAN_PROVINCES.flatMap((province) =>
    [province.code, ...province.names].map((name) => [name.toUpperCase(), province] as const),
  ),
);
/** Codes as written; names as written or in capitals, as address labels print them. */
const WRITTEN_PROVINCES = CANADIAN_PROVINCES.flatMap(({ code, names }) => [
  code,
  ...names,
  ...names.map((name) => name.toUpperCase()),
]).sort((first, second) => second.length - first.length);

/**
 * "QC H3B 2Y5", "Montréal (Québec) H3B 2Y5": a province not after a word, then a postal code
 * (letter-digit-letter digit-letter-digit).
 */
const PROVINCE_AND_POSTAL_CODE = new RegExp(
  `\\(?(${WRITTEN_PROVINCES.join('|')})\\)?,?[ \\t]+` +
    '([ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z])[ \\t]?\\d[ABCEGHJ-NPRSTV-Z]\\d(?![\\p{L}\\p{N}])',
  'gu',
);

function canadianFindings(text: string): Finding[] {
  return allMatches(text, PROVINCE_AND_POSTAL_CODE, isNotAfterWord).flatMap(([, written = '', area = '']) => {
    const province = PROVINCE_BY_WRITTEN_NAME.get(written.toUpperCase());
    return province?.postalLetters.includes(area.charAt(0))
      ? [
          {
            country: 'CA',
            strength: 'strong' as const,
            reason: `Canadian province and postal code area ${province.code} ${area} (CA)`,
          },
        ]
      : [];
  });
}

interface PostcodeFormat {
  readonly pattern: RegExp;
  /** Where a match may start, when the pattern does not say. */
  readonly startsWell?: (text: string, index: number) => boolean;
  /**
   * A quicker pattern the text must match for `pattern` to match: a pattern that starts on every
   * capitalised word is slow over long statements that hold no such postcode.
   */
  readonly prerequisite?: RegExp;
  readonly describe: (match: RegExpMatchArray) => Finding;
}

const UK_POSTCODE = String.raw`([A-Z]{1,2}\d[A-Z\d]?) \d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])`;

/** Other postcode shapes that tell their country; only the area is reported, a full code narrows to a street. */
const POSTCODE_FORMATS: readonly PostcodeFormat[] = [
  {
    // "London SW1A 1AA": a post town not after a word, then outward and inward codes.
    pattern: new RegExp(`(\\p{Lu}[\\p{L}'-]+),?\\s+${UK_POSTCODE}`, 'gu'),
    startsWell: isNotAfterWord,
    prerequisite: new RegExp(UK_POSTCODE, 'u'),
    describe: ([, town, area]) => ({ country: 'GB', strength: 'medium', reason: `UK postcode area ${town} ${area} (GB)` }),
  },
  {
    // "3012 CN Rotterdam": four digits, two letters, the town, as an address line or after a comma
    // (elsewhere "2019 US Edition" has the same shape).
    pattern: /(?:^|,)[ \t]*([1-9]\d{3}) ?(?!SA|SD|SS)[A-Z]{2}[ \t]+(\p{Lu}[\p{L}'-]+)[ \t]*(?=$|,)/gmu,
    describe: ([, area, town]) => ({ country: 'NL', strength: 'medium', reason: `Dutch postcode area ${area} ${town} (NL)` }),
  },
  {
    // "〒100-0001": the Japanese postal mark.
    pattern: /〒 ?(\d{3})-\d{4}/gu,
    describe: ([, area]) => ({ country: 'JP', strength: 'medium', reason: `Japanese postcode area ${area} (JP)` }),
  },
];

/** "D-63571 Gelnhausen": the country letter some European addresses put before the postcode. */
const COUNTRY_LETTER_POSTCODES: Readonly<Record<string, { country: string; digits: number }>> = {
  D: { country: 'DE', digits: 5 },
  F: { country: 'FR', digits: 5 },
  I: { country: 'IT', digits: 5 },
  E: { country: 'ES', digits: 5 },
  FIN: { country: 'FI', digits: 5 },
  B: { country: 'BE', digits: 4 },
  CH: { country: 'CH', digits: 4 },
  L: { country: 'LU', digits: 4 },
  A: { country: 'AT', digits: 4 },
  NL: { country: 'NL', digits: 4 },
  DK: { country: 'DK', digits: 4 },
  N: { country: 'NO', digits: 4 },
  P: { country: 'PT', digits: 4 },
};

/** The country letter not after a word, the postcode, the town. */
const COUNTRY_LETTER_AND_POSTCODE = new RegExp(
  `(${Object.keys(COUNTRY_LETTER_POSTCODES).join('|')})-(\\d{4,5})[ \\t]+(\\p{Lu}[\\p{L}'-]+)`,
  'gu',
);

function countryLetterFindings(text: string): Finding[] {
  return allMatches(text, COUNTRY_LETTER_AND_POSTCODE, isNotAfterWord).flatMap(([, letter = '', postcode = '', town = '']) => {
    const format = COUNTRY_LETTER_POSTCODES[letter];
    return format && postcode.length === format.digits
      ? [
          {
            country: format.country,
            strength: 'medium' as const,
            reason: `postcode with country letter ${letter}-${postcode} ${town} (${format.country})`,
          },
        ]
      : [];
  });
}

/** Postcodes whose shape, with a province or a town, says the country. */
export function detectPostcodes(text: string): Finding[] {
  const formatted = POSTCODE_FORMATS.flatMap(({ pattern, startsWell, prerequisite, describe }) =>
    prerequisite && !prerequisite.test(text) ? [] : allMatches(text, pattern, startsWell).map(describe),
  );
  return [...canadianFindings(text), ...formatted, ...countryLetterFindings(text)];
}
