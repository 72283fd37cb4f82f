import { cityNames, COUNTRIES_WITH_REGION_AFTER_CITY, type CityName } from '../data/city-names.ts';
import { countryNames, NAMES_BESIDE_A_CITY_ONLY } from '../data/country-names.ts';
import { PLACE_NAMES, type CountryNames } from '../data/place-names.ts';
import { postalCodeOf, regionsNamedAlone, subdivisionsOf, type Subdivision } from '../data/subdivision-names.ts';
import type { Finding } from '../finding.ts';
import { NameIndex } from '../name-index.ts';
import { withoutAccents } from '../../text-folding.ts';
import { allMatches } from '../../matches.ts';
import { foldForComparison } from '../text.ts';
import { isAsciiLetterOrDigit, isNotAfterWord, isNotBeforeWord, nextWord } from '../../word-boundaries.ts';

interface PlaceName {
  readonly country: string;
  readonly name: string;
}

/** A state or province as it is looked for after a city: its name folded as the text is, its postal code. */
interface WrittenRegion extends Subdivision {
  readonly folded: string;
  readonly postalCode: string;
}

interface PlaceIndex {
  /** Countries, regions and the spellings listed by hand: each names one country. */
  readonly placesByFoldedName: ReadonlyMap<string, PlaceName>;
  /** GeoNames' city names not among those above: a name may be several countries' cities. */
  readonly citiesByFoldedName: ReadonlyMap<string, CityName>;
  /** The states and provinces a city may be followed by, by ISO 3166-2 code. */
  readonly regions: ReadonlyMap<string, WrittenRegion>;
  readonly allRegions: readonly WrittenRegion[];
  /**
   * For each word a city name starts with, the words of the longest such name: how far a city is
   * looked for from a word. Most words start none, and are passed over at one lookup.
   */
  readonly cityWordsByFirstWord: ReadonlyMap<string, number>;
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

function buildIndex(places: readonly CountryNames[], cities: Map<string, CityName>, regions: Map<string, Subdivision>): PlaceIndex {
  const placesByFoldedName = firstSpellings(places);
  const writtenRegions = new Map(
    [...regions].map(([code, region]) => [code, { ...region, folded: withoutAccents(region.name).toLowerCase(), postalCode: postalCodeOf(region) }]),
  );
  for (const folded of placesByFoldedName.keys()) cities.delete(folded);
  return {
    placesByFoldedName,
    citiesByFoldedName: cities,
    regions: writtenRegions,
    allRegions: [...writtenRegions.values()],
    cityWordsByFirstWord: wordsByFirstWord(cities.keys()),
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

function wordsByFirstWord(foldedNames: Iterable<string>): Map<string, number> {
  const longest = new Map<string, number>();
  for (const folded of foldedNames) {
    const words = folded.split(' ');
    const first = words[0] ?? '';
    longest.set(first, Math.max(words.length, longest.get(first) ?? 0));
  }
  return longest;
}

let index: PlaceIndex | undefined;

/** Built on the first text read, not when the function starts: the country lists hold thousands of names, the cities tens of thousands. */
function placeIndex(): PlaceIndex {
  index ??= buildIndex([...countryNames(), ...regionsNamedAlone(), ...PLACE_NAMES], cityNames(), subdivisionsOf(COUNTRIES_WITH_REGION_AFTER_CITY));
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

/** Names' words are joined by spaces, apostrophes and hyphens only. */
const NAME_WORD_SEPARATOR = /^[\s'-]+$/;

interface Word {
  readonly text: string;
  readonly end: number;
}

/** The word `first` and up to `count - 1` words joined to it: the words a city name there may have. */
function joinedWords(folded: string, first: Word, count: number): Word[] {
  const words = [first];
  for (let word = nextWord(folded, first.end); word !== undefined && words.length < count; word = nextWord(folded, word.end)) {
    if (!NAME_WORD_SEPARATOR.test(folded.slice(words[words.length - 1]!.end, word.start))) break;
    words.push({ text: folded.slice(word.start, word.end), end: word.end });
  }
  return words;
}

/**
 * The city names in a folded text, longest first from each word, outside the names already found:
 * tens of thousands of names are looked up word by word in a map, where a trie of their
 * characters would hold 40 MB.
 */
function citiesIn(folded: string, index: PlaceIndex, taken: readonly FoundName[]): FoundName[] {
  const isTaken = (start: number, end: number) => taken.some((name) => start < name.end && name.start < end);
  const found: FoundName[] = [];
  for (let word = nextWord(folded, 0); word !== undefined; word = nextWord(folded, word.end)) {
    const { start } = word;
    const text = folded.slice(start, word.end);
    const longest = index.cityWordsByFirstWord.get(text);
    if (longest === undefined) continue;
    const joined = joinedWords(folded, { text, end: word.end }, longest);
    for (let count = joined.length; count > 0; count -= 1) {
      if (!index.citiesByFoldedName.has(joined.slice(0, count).map((joinedWord) => joinedWord.text).join(' '))) continue;
      const end = joined[count - 1]!.end;
      if (!isTaken(start, end) && !isAfterNew(folded, start) && isNotAfterWord(folded, start) && isNotBeforeWord(folded, end)) found.push({ name: folded.slice(start, end), start, end });
      word = { start, end };
      break;
    }
  }
  return found;
}

/** "Russian Federation Blvd", "London Road": a street named after a place is in another one. */
const STREET_AFTER = /^[ \t]*(?:blvd|boulevard|street|st|avenue|ave|road|rd)\b/;

/** "Tbilisi, Georgia": only a comma or spaces between a city and the name after it. */
const CITY_THEN_NAME = /^[\s,]*$/;

/**
 * A city's largest namesake must be this many times as large as any other country's for the name
 * alone to point to it: "Paris" is France (2.1 million, against 25,000 in Texas), "Manchester"
 * England (395,000, against 110,000), "Cambridge" or "Hamilton" nobody.
 */
export const DOMINANT_CITY_FACTOR = 3;

/** A city's name read alone: its one country, or a country whose city of that name dwarfs the others'. */
function dominantCountry({ countries }: CityName): string | undefined {
  const [largest, next] = countries;
  return largest && (!next || largest.population >= DOMINANT_CITY_FACTOR * next.population) ? largest.country : undefined;
}

/**
 * "Docteur Jean Charlotte", "Charlotte Dupont", "Boston Medical": a name after a capitalised word
 * (not the line's first: "Facture Phnom Penh") or before one is a person's or a firm's.
 */
const CAPITALISED_WORD_BEFORE = /\S[ \t]+\p{Lu}\p{Ll}+[ \t]+$/u;
const CAPITALISED_WORD_AFTER = /^[ \t]+\p{Lu}\p{Ll}/u;
/** "Mobile :", "Date:": a label. */
const LABEL_AFTER = /^[ \t]*:/;

/**
 * Whether a city's name stands as a place is written ("75002 Paris", "in Phnom Penh, Cambodia",
 * "Tbilisi 0105", "Paris Texas"): capitalised, and neither part of a longer proper name nor a
 * label; a capitalised word after it is its state or province, if `followedByRegion`. `written`
 * is the text with its case, aligned with the folded one.
 */
function standsAsPlace(written: string, { start, end }: FoundName, followedByRegion: boolean): boolean {
  const initial = written.charAt(start);
  if (initial === initial.toLowerCase()) return false;
  const lineStart = written.lastIndexOf('\n', start - 1) + 1;
  if (CAPITALISED_WORD_BEFORE.test(written.slice(lineStart, start))) return false;
  return followedByRegion || (!CAPITALISED_WORD_AFTER.test(written.slice(end)) && !LABEL_AFTER.test(written.slice(end)));
}

/** "Paris, Texas", "Paris TX 75460": a state or province on the city's line, after a comma or spaces. */
const REGION_SEPARATOR = /^[ \t]*,?[ \t]*/;

/**
 * The first of these states or provinces written right after a city's name ending at `end`: by
 * ISO's name ("Texas", "Ontario", any case and accents) or, `byPostalCode`, by its postal code in
 * capitals ("TX", "ON": the end of its ISO 3166-2 code, as the USPS and Canada Post write it).
 */
function regionWrittenAfter(
  regions: readonly WrittenRegion[],
  { written, folded, end }: { written: string; folded: string; end: number },
  byPostalCode: boolean,
): WrittenRegion | undefined {
  const start = end + (REGION_SEPARATOR.exec(written.slice(end))?.[0].length ?? 0);
  if (!isAsciiLetterOrDigit(written.charCodeAt(start))) return undefined;
  const isWrittenAt = (text: string, name: string) => text.startsWith(name, start) && isNotBeforeWord(text, start + name.length);
  return regions.find(
    (region) => isWrittenAt(folded, region.folded) || (byPostalCode && isWrittenAt(written, region.postalCode)),
  );
}

/**
 * The country of a city's name: the one of its state or province written after it ("Paris,
 * Texas"), else the one named right after it when it has a city of that name ("Valencia,
 * Venezuela"), else, unless a state or province it has no city in is written after it ("Paris,
 * Tennessee": a town too small for the list), the one its name points to alone; none when the
 * name is shared.
 */
function cityPlace(city: CityName, after: PlaceName | undefined, around: { written: string; folded: string; end: number }, index: PlaceIndex): PlaceName | undefined {
  const ownRegions = city.countries.flatMap(({ regions }) => regions.flatMap((code) => index.regions.get(code) ?? []));
  const region = regionWrittenAfter(ownRegions, around, true);
  if (region) return { country: region.country, name: city.name };
  const named = after && city.countries.some(({ country }) => country === after.country) ? after.country : undefined;
  if (!named && regionWrittenAfter(index.allRegions, around, false)) return undefined;
  const country = named ?? dominantCountry(city);
  return country ? { country, name: city.name } : undefined;
}

/**
 * The places of the names found: a city followed by its state or province counts for that
 * country ("Paris, Texas"); a name that is also a US state only right after a city of its country.
 */
function placesOf(found: readonly FoundName[], folded: string, written: string | undefined, index: PlaceIndex): PlaceName[] {
  const { placesByFoldedName: places, citiesByFoldedName: cities } = index;
  const countryNamedAfter = (position: number): PlaceName | undefined => {
    const current = found[position];
    const next = found[position + 1];
    return current && next && CITY_THEN_NAME.test(folded.slice(current.end, next.start)) ? places.get(foldForComparison(next.name)) : undefined;
  };
  const cityAt = (position: number): PlaceName | undefined => {
    const name = found[position];
    const city = name && cities.get(foldForComparison(name.name));
    if (!name || !city || written === undefined) return undefined;
    const around = { written, folded, end: name.end };
    if (!standsAsPlace(written, name, regionWrittenAfter(index.allRegions, around, true) !== undefined)) return undefined;
    return cityPlace(city, countryNamedAfter(position), around, index);
  };
  return found.flatMap(({ name, start, end }, position) => {
    if (STREET_AFTER.test(folded.slice(end))) return [];
    const place = places.get(foldForComparison(name));
    if (!place) return cityAt(position) ?? [];
    if (!NAMES_BESIDE_A_CITY_ONLY.has(foldForComparison(name))) return [place];
    const before = found[position - 1];
    if (before === undefined) return [];
    const beforeCountry = places.get(foldForComparison(before.name))?.country ?? cityAt(position - 1)?.country;
    const besideCity = beforeCountry === place.country && CITY_THEN_NAME.test(folded.slice(before.end, start));
    return besideCity ? [place] : [];
  });
}

/** Country and city names, in any case and with or without accents; abbreviations ("USA", "UK") as written. */
export function detectPlaceNames(text: string): Finding[] {
  const index = placeIndex();
  const unaccented = withoutAccents(text);
  const folded = unaccented.toLowerCase();
  // Where lower case is longer ("İ"), positions differ: cities, read by their case, are not read.
  const written = unaccented.length === folded.length ? unaccented : undefined;
  const abbreviated = allMatches(text, index.abbreviations, isNotAfterWord).flatMap(([abbreviation]) => index.placesByFoldedName.get(foldForComparison(abbreviation)) ?? []);
  const named = namesIn(folded, index.names);
  const found = [...named, ...citiesIn(folded, index, named)].sort((first, second) => first.start - second.start);
  return [...placesOf(found, folded, written, index), ...abbreviated].map((place) => ({
    country: place.country,
    strength: 'medium' as const,
    reason: `place name ${place.name} (${place.country})`,
  }));
}
