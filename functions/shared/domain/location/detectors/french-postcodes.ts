import { FRENCH_TOWNS, POSTCODE_PREFIX_COUNTRIES } from '../data/french-towns.ts';
import type { Finding } from '../finding.ts';
import { allMatches } from '../../matches.ts';
import { foldForComparison } from '../text.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** Longer than any commune name followed by "CEDEX" and its office number. */
const MAX_TOWN_CHARS = 60;
/** Five digits not after a word, then the line's next characters, where a French address names its town. */
const POSTCODE_THEN_TOWN = new RegExp(`(\\d{5})[ \\t]+(\\p{L}[^\\n]{0,${MAX_TOWN_CHARS}})`, 'gu');
/** Départements 01-95 in metropolitan France; 97x and 98x overseas and Monaco. */
const FRENCH_POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|9[78]\d)\d+$/;
/** Only France addresses companies' mail with "CEDEX" after the town. */
const TOWN_THEN_CEDEX = /^([\p{L}' -]+?)[ \t]+cedex\b/iu;
/** Compound commune names joined by hyphens ("Saint-Maur", "Fontenay-sous-Bois"): a French way of naming towns. */
const FRENCH_COMPOUND_TOWN =
  /^(?:(?:saint|sainte|st|ste)-\p{L}[\p{L}'-]*|\p{L}+(?:-\p{L}+)*-(?:sur|sous|en|lès|les|lez|le|la|de|du|des|aux)-\p{L}[\p{L}'-]*)/iu;

const TOWNS_LONGEST_FIRST = FRENCH_TOWNS.map((town) => ({ ...town, folded: foldForComparison(town.name) })).sort(
  (first, second) => second.folded.length - first.folded.length,
);

function knownTown(postcode: string, rest: string): string | undefined {
  const folded = foldForComparison(rest);
  const town = TOWNS_LONGEST_FIRST.find(({ folded: name }) => folded === name || folded.startsWith(`${name} `));
  return town?.postcodePrefixes.some((prefix) => postcode.startsWith(prefix)) ? town.name : undefined;
}

function townFinding(postcode: string, rest: string): Finding | undefined {
  const country = POSTCODE_PREFIX_COUNTRIES[postcode.slice(0, 3)] ?? 'FR';
  const town = knownTown(postcode, rest);
  const reason = (written: string) => `French postcode and town ${postcode} ${written} (${country})`;
  if (town) return { country, strength: 'strong', reason: reason(town) };
  const cedex = TOWN_THEN_CEDEX.exec(rest);
  if (cedex) return { country, strength: 'strong', reason: reason(`${cedex[1]} CEDEX`) };
  const compound = FRENCH_COMPOUND_TOWN.exec(rest);
  if (compound) return { country, strength: 'medium', reason: reason(compound[0]) };
  return undefined;
}

/**
 * French addresses. Five digits and a town are written the same way in Germany, Spain or Italy,
 * so the town must be a known French one in the right département, be followed by CEDEX, or be a
 * hyphenated compound name as only French communes are.
 */
export function detectFrenchPostcodes(text: string): Finding[] {
  return allMatches(text, POSTCODE_THEN_TOWN, isNotAfterWord).flatMap(([, postcode = '', rest = '']) => {
    const finding = FRENCH_POSTCODE.test(postcode) ? townFinding(postcode, rest) : undefined;
    return finding ? [finding] : [];
  });
}
