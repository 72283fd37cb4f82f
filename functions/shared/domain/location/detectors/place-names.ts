import { countryNames, NAMES_BESIDE_A_CITY_ONLY } from '../data/country-names.ts';
import { PLACE_NAMES, type CountryNames } from '../data/place-names.ts';
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

interface PlaceIndex {
  readonly placesByFoldedName: ReadonlyMap<string, PlaceName>;
  /**
   * Names in lower case without accents, found in the text folded the same way: a case-insensitive
   * Unicode pattern of thousands of names is slower than folding the text first.
   */
  readonly names: NameIndex;
  /** Abbreviations not after a word, as written. */
  readonly abbreviations: RegExp;
}

const longestFirst = (names: readonly string[]): string[] => [...names].sort((first, second) => second.length - first.length);

/** Each folded name's place, as first listed: "Côte d'Ivoire" in English before "Côte-d'Ivoire" in French. */
function firstSpellings(places: readonly CountryNames[]): Map<string, PlaceName> {
  const byFoldedName = new Map<string, PlaceName>();
  for (const { country, names, abbreviations = [] } of places) {
    for (const name of [...names, ...abbreviations]) {
      const folded = foldForComparison(name);
      if (!byFoldedName.has(folded)) byFoldedName.set(folded, { country, name });
    }
  }
  return byFoldedName;
}

function buildIndex(places: readonly CountryNames[]): PlaceIndex {
  return {
    placesByFoldedName: firstSpellings(places),
    names: new NameIndex(
      longestFirst(places.flatMap(({ names }) => names.map((name) => withoutAccents(name).toLowerCase()))).map((name) => name.split(/[\s'-]+/)),
    ),
    abbreviations: new RegExp(
      `(?:${longestFirst(places.flatMap(({ abbreviations = [] }) => abbreviations))
        .map((abbreviation) => abbreviation.replace(/\./g, '\\.'))
        .join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    ),
  };
}

let index: PlaceIndex | undefined;

/** Built on the first text read, not when the function starts: the country lists hold thousands of names. */
function placeIndex(): PlaceIndex {
  index ??= buildIndex([...countryNames(), ...PLACE_NAMES]);
  return index;
}

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

interface FoundName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Every name of the index in a folded text, as a global search for the first-listed name at each position finds them. */
function namesIn(folded: string, names: NameIndex): FoundName[] {
  const found: FoundName[] = [];
  let previous = NaN;
  for (let start = 0; start < folded.length; start += 1) {
    const code = folded.charCodeAt(start);
    // Most positions are within a word: the first test rules them out at the least cost.
    const withinWord = isAsciiLetterOrDigit(previous);
    previous = code;
    if (withinWord || !names.startsWith(code) || !isNotAfterWord(folded, start)) continue;
    const end = names.endOfNameAt(folded, start, isNotBeforeWord);
    if (end === undefined || isAfterNew(folded, start)) continue;
    found.push({ name: folded.slice(start, end), start, end });
    start = end - 1;
    previous = folded.charCodeAt(start);
  }
  return found;
}

/** "Russian Federation Blvd", "London Road": a street named after a place is in another one. */
const STREET_AFTER = /^[ \t]*(?:blvd|boulevard|street|st|avenue|ave|road|rd)\b/;

/** "Tbilisi, Georgia": only a comma or spaces between a city and the name after it. */
const CITY_THEN_NAME = /^[\s,]*$/;

/** The places of the names found, a name that is also a US state only right after a city of its country. */
function placesOf(found: readonly FoundName[], folded: string, places: ReadonlyMap<string, PlaceName>): PlaceName[] {
  return found.flatMap(({ name, start, end }, position) => {
    const place = places.get(foldForComparison(name));
    if (!place || STREET_AFTER.test(folded.slice(end))) return [];
    if (!NAMES_BESIDE_A_CITY_ONLY.has(foldForComparison(name))) return [place];
    const before = found[position - 1];
    if (before === undefined) return [];
    const besideCity = places.get(foldForComparison(before.name))?.country === place.country && CITY_THEN_NAME.test(folded.slice(before.end, start));
    return besideCity ? [place] : [];
  });
}

/** Country and city names, in any case and with or without accents; abbreviations ("USA", "UK") as written. */
export function detectPlaceNames(text: string): Finding[] {
  const { placesByFoldedName, names, abbreviations } = placeIndex();
  const folded = withoutAccents(text).toLowerCase();
  const written = allMatches(text, abbreviations, isNotAfterWord).flatMap(([abbreviation]) => placesByFoldedName.get(foldForComparison(abbreviation)) ?? []);
  return [...placesOf(namesIn(folded, names), folded, placesByFoldedName), ...written].map((place) => ({
    country: place.country,
    strength: 'medium' as const,
    reason: `place name ${place.name} (${place.country})`,
  }));
}
