import { PLACE_NAMES } from '../data/place-names.ts';
import type { Finding } from '../finding.ts';
import { NameIndex } from '../name-index.ts';
import { withoutAccents } from '../../text-folding.ts';
import { allMatches } from '../../matches.ts';
import { foldForComparison } from '../text.ts';
import { isAsciiLetterOrDigit, isNotAfterWord, isNotBeforeWord } from '../../word-boundaries.ts';

interface PlaceName {
  readonly country: string;
  readonly name: string;
}

const PLACES_BY_FOLDED_NAME: ReadonlyMap<string, PlaceName> = new Map(
  PLACE_NAMES.flatMap(({ country, names, abbreviations = [] }) =>
    [...names, ...abbreviations].map((name) => [foldForComparison(name), { country, name }] as const),
  ),
);

const longestFirst = (names: readonly string[]): string[] => [...names].sort((first, second) => second.length - first.length);

/**
 * Names in lower case without accents, found in the text folded the same way: a case-insensitive
 * Unicode pattern of three hundred names is slower than folding the text first.
 */
const NAMES = new NameIndex(
  longestFirst(PLACE_NAMES.flatMap(({ names }) => names.map((name) => withoutAccents(name).toLowerCase()))).map((name) =>
    name.split(/[\s'-]+/),
  ),
);

/** Abbreviations not after a word, as written. */
const ABBREVIATIONS = new RegExp(
  `(?:${longestFirst(PLACE_NAMES.flatMap(({ abbreviations = [] }) => abbreviations))
    .map((abbreviation) => abbreviation.replace(/\./g, '\\.'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

const NEW = 'new';
/** Spaces and hyphens between "new" and a name, "\s" and "-" as regular expressions read them. */
const SPACE_OR_HYPHEN = /[\s-]/;
const ASCII_WORD_CHARACTER = /\w/;

/**
 * "New Mexico", "New Brunswick", "New South Wales": after "new" and spaces or hyphens, a name is
 * another place's. ("new" starting a word as `\b` reads one: after no ASCII letter, digit or "_".)
 */
function isAfterNew(folded: string, index: number): boolean {
  let separatorsStart = index;
  while (separatorsStart > 0 && SPACE_OR_HYPHEN.test(folded.charAt(separatorsStart - 1))) separatorsStart -= 1;
  const newStart = separatorsStart - NEW.length;
  return (
    separatorsStart < index &&
    newStart >= 0 &&
    folded.startsWith(NEW, newStart) &&
    !ASCII_WORD_CHARACTER.test(folded.charAt(newStart - 1))
  );
}

/** Every name of NAMES in a folded text, as a global search for the first-listed name at each position finds them. */
function namesIn(folded: string): string[] {
  const found: string[] = [];
  let previous = NaN;
  for (let start = 0; start < folded.length; start += 1) {
    const code = folded.charCodeAt(start);
    // Most positions are within a word: the first test rules them out at the least cost.
    const withinWord = isAsciiLetterOrDigit(previous);
    previous = code;
    if (withinWord || !NAMES.startsWith(code) || !isNotAfterWord(folded, start)) continue;
    const end = NAMES.endOfNameAt(folded, start, isNotBeforeWord);
    if (end === undefined || isAfterNew(folded, start)) continue;
    found.push(folded.slice(start, end));
    start = end - 1;
    previous = folded.charCodeAt(start);
  }
  return found;
}

/** Country and city names, in any case and with or without accents; abbreviations ("USA", "UK") as written. */
export function detectPlaceNames(text: string): Finding[] {
  const abbreviations = allMatches(text, ABBREVIATIONS, isNotAfterWord).map(([abbreviation]) => abbreviation);
  return [...namesIn(withoutAccents(text).toLowerCase()), ...abbreviations].flatMap((name) => {
    const place = PLACES_BY_FOLDED_NAME.get(foldForComparison(name));
    if (!place) return [];
    return [{ country: place.country, strength: 'medium' as const, reason: `place name ${place.name} (${place.country})` }];
  });
}
