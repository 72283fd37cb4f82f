import { isValidBelgianVat, isValidFrenchVat, isValidGermanVat } from '../checksums.ts';
import type { Finding } from '../finding.ts';
import { hasLabelNear } from '../text.ts';

/** How far from a VAT number its label may stand ("UStId DE 232 446 240", "NL810433941B01 BTW"). */
const LABEL_REACH = 40;
/** Letters only around it: text layers glue a label to the number ("NL810433941B01BTW"). */
const VAT_LABEL = /(?<!\p{L})(?:VAT|TVA|BTW|USt|UStId|USt-IdNr|UID|MwSt|MWST|IVA|NIF|CIF|Moms|P\.?\s?IVA)(?!\p{L})/iu;

/** A digit, maybe after a space: VAT numbers are printed grouped in any way. */
const D = String.raw`\d ?`;

interface VatFormat {
  /** ISO 3166-1 alpha-2, also the prefix the number is written with. */
  readonly country: string;
  /** The number after the country prefix, spaces allowed. */
  readonly body: string;
  /** Check-digit rule, when the country has a simple one; the number counts only if it holds. */
  readonly isValid?: (compact: string) => boolean;
}

/** EU-style VAT numbers, each after its country prefix, and the Swiss "CHE-" one. */
const VAT_FORMATS: readonly VatFormat[] = [
  { country: 'FR', body: `[0-9A-HJ-NP-Z] ?[0-9A-HJ-NP-Z] ?${D.repeat(8)}\\d`, isValid: isValidFrenchVat },
  { country: 'DE', body: `${D.repeat(8)}\\d`, isValid: isValidGermanVat },
  { country: 'BE', body: `[01]${D.repeat(2)}\\d\\.? ?${D.repeat(2)}\\d\\.? ?${D.repeat(2)}\\d`, isValid: isValidBelgianVat },
  { country: 'NL', body: `${D.repeat(8)}\\d ?B ?\\d\\d` },
  { country: 'GB', body: `${D.repeat(8)}\\d(?: ?\\d{3})?` },
  { country: 'ES', body: '[A-Z0-9]\\d{7}[A-Z0-9]' },
  { country: 'IT', body: `${D.repeat(10)}\\d` },
  { country: 'LU', body: `${D.repeat(7)}\\d` },
  { country: 'AT', body: `U ?${D.repeat(7)}\\d` },
  { country: 'PT', body: `${D.repeat(8)}\\d` },
  { country: 'IE', body: '\\d{7}[A-W][A-IW]?' },
  { country: 'DK', body: `${D.repeat(7)}\\d` },
  { country: 'CH', body: 'E-? ?\\d{3}\\.?\\d{3}\\.?\\d{3}' },
];

/** Tried only where the country's prefix is: one search for every prefix costs less than one search per country. */
const VAT_NUMBERS = VAT_FORMATS.map((format) => ({
  ...format,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${format.country} ?${format.body}(?! ?\\d)`, 'uy'),
}));

const COUNTRY_PREFIX = new RegExp(VAT_FORMATS.map(({ country }) => country).join('|'), 'g');

/** Where each country's prefix is, in order, overlapping ones included. */
function prefixPositions(text: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  COUNTRY_PREFIX.lastIndex = 0;
  for (let prefix = COUNTRY_PREFIX.exec(text); prefix !== null; prefix = COUNTRY_PREFIX.exec(text)) {
    const ofCountry = positions.get(prefix[0]);
    if (ofCountry) ofCountry.push(prefix.index);
    else positions.set(prefix[0], [prefix.index]);
    COUNTRY_PREFIX.lastIndex = prefix.index + 1;
  }
  return positions;
}

/** The matches of a sticky pattern tried at `positions` in order, each search going on after the last match, as a global search. */
function matchesAt(text: string, pattern: RegExp, positions: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let searchFrom = 0;
  for (const position of positions) {
    if (position < searchFrom) continue;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match === null) continue;
    matches.push(match);
    searchFrom = position + match[0].length;
  }
  return matches;
}

/**
 * VAT numbers: a number with a simple check digit counts only when it holds and is then strong;
 * otherwise the format is strong beside a VAT label and medium without one.
 */
export function detectVatNumbers(text: string): Finding[] {
  const prefixes = prefixPositions(text);
  return VAT_NUMBERS.flatMap(({ country, pattern, isValid }) =>
    matchesAt(text, pattern, prefixes.get(country) ?? []).flatMap((match) => {
      const compact = match[0].replace(/[\s.-]/g, '');
      const labelled = hasLabelNear(text, { index: match.index, length: match[0].length }, VAT_LABEL, LABEL_REACH);
      if (isValid && !isValid(compact)) return [];
      const strength = isValid || labelled ? ('strong' as const) : ('medium' as const);
      return [{ country, strength, reason: `VAT number ${compact} (${country})` }];
    }),
  );
}
