import { communesByFoldedName, foldCommuneName, type Commune } from '../data/french-communes.ts';
import type { Finding } from '../finding.ts';
import { allMatches } from '../../matches.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** Longer than any commune name followed by "CEDEX" and its office number. */
const MAX_TOWN_CHARS = 60;
/** Five digits not after a word, then the line's next characters, where a French address names its town. */
const POSTCODE_THEN_TOWN = new RegExp(`(\\d{5})[ \\t]+(\\p{L}[^\\n]{0,${MAX_TOWN_CHARS}})`, 'gu');
/** Départements 01-95 in metropolitan France, 97x and 98x overseas: the only postcodes worth reading the communes for. */
const FRENCH_POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|9[78]\d)\d+$/;
const CEDEX = 'cedex';
/** A folded text's words: a commune's name is its words joined by spaces. */
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

interface CommuneIndex {
  readonly byFoldedName: ReadonlyMap<string, readonly Commune[]>;
  /** Words in the longest commune name ("Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson"): how far one is looked for. */
  readonly longestNameWords: number;
}

let index: CommuneIndex | undefined;

/** Built on the first postcode of French shape, not when the function starts. */
function communeIndex(): CommuneIndex {
  if (!index) {
    const byFoldedName = communesByFoldedName();
    index = { byFoldedName, longestNameWords: Math.max(...[...byFoldedName.keys()].map((name) => name.split(' ').length)) };
  }
  return index;
}

/** The postal département of a postcode: its first two digits, three overseas (974). */
function postalDepartment(postcode: string): string {
  return postcode.slice(0, /^9[78]/.test(postcode) ? 3 : 2);
}

/**
 * The commune a postcode is followed by, when it has that postcode; or, before "CEDEX", when it
 * has a postcode of the same département (CEDEX codes are a company's or an office's, not a
 * commune's: "75371 Paris CEDEX 08").
 */
function communeAfter(postcode: string, rest: string): { commune: Commune; cedex: boolean } | undefined {
  const { byFoldedName, longestNameWords } = communeIndex();
  const words = foldCommuneName(rest).split(WORD_SEPARATORS);
  for (let count = Math.min(words.length, longestNameWords); count > 0; count -= 1) {
    const named = byFoldedName.get(words.slice(0, count).join(' ')) ?? [];
    const cedex = words[count] === CEDEX;
    const own = named.find(({ postcodes }) => postcodes.includes(postcode));
    const sameDepartment = cedex ? named.find(({ postcodes }) => postcodes.some((code) => postalDepartment(code) === postalDepartment(postcode))) : undefined;
    const commune = own ?? sameDepartment;
    if (commune) return { commune, cedex };
  }
  return undefined;
}

/**
 * French addresses: five digits then the name of a commune that has that postcode (La Poste's),
 * or of a commune of its département followed by CEDEX. Five digits and a town are written the
 * same way in Germany, Spain or Italy: "28001 Madrid" or "13000 Paris" is no French address.
 */
export function detectFrenchPostcodes(text: string): Finding[] {
  return allMatches(text, POSTCODE_THEN_TOWN, isNotAfterWord).flatMap(([, postcode = '', rest = '']) => {
    const found = FRENCH_POSTCODE.test(postcode) ? communeAfter(postcode, rest) : undefined;
    if (!found) return [];
    const { commune, cedex } = found;
    const town = cedex ? `${commune.name} CEDEX` : commune.name;
    return [{ country: commune.country, strength: 'strong' as const, reason: `French postcode and town ${postcode} ${town} (${commune.country})` }];
  });
}
