import { PLACE_NAMES } from '../data/place-names.ts';
import type { Finding } from '../finding.ts';
import { withoutAccents } from '../../text-folding.ts';
import { flexiblePattern, foldForComparison, NOT_AFTER_WORD, NOT_BEFORE_WORD } from '../text.ts';

interface PlaceName {
  readonly country: string;
  readonly name: string;
}

const PLACES_BY_FOLDED_NAME: ReadonlyMap<string, PlaceName> = new Map(
  PLACE_NAMES.flatMap(({ country, names, abbreviations = [] }) =>
    [...names, ...abbreviations].map((name) => [foldForComparison(name), { country, name }] as const),
  ),
);

function alternatives(names: readonly string[], toPattern: (name: string) => string): string {
  return [...names]
    .sort((first, second) => second.length - first.length)
    .map(toPattern)
    .join('|');
}

/** "New Mexico", "New Brunswick", "New South Wales": after "New", a name is another place's. */
const NOT_AFTER_NEW = String.raw`(?<!\bnew[\s-]+)`;

/**
 * Names in lower case without accents, matched against the text folded the same way: a
 * case-insensitive Unicode pattern of three hundred names is slower than folding the text first.
 */
const NAMES = new RegExp(
  `${NOT_AFTER_WORD}${NOT_AFTER_NEW}(?:${alternatives(
    PLACE_NAMES.flatMap(({ names }) => names.map((name) => withoutAccents(name).toLowerCase())),
    flexiblePattern,
  )})${NOT_BEFORE_WORD}`,
  'gu',
);

const ABBREVIATIONS = new RegExp(
  `${NOT_AFTER_WORD}(?:${alternatives(
    PLACE_NAMES.flatMap(({ abbreviations = [] }) => abbreviations),
    (abbreviation) => abbreviation.replace(/\./g, '\\.'),
  )})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Country and city names, in any case and with or without accents; abbreviations ("USA", "UK") as written. */
export function detectPlaceNames(text: string): Finding[] {
  const found = [...withoutAccents(text).toLowerCase().matchAll(NAMES), ...text.matchAll(ABBREVIATIONS)];
  return found.flatMap(([name]) => {
    const place = PLACES_BY_FOLDED_NAME.get(foldForComparison(name));
    if (!place) return [];
    return [{ country: place.country, strength: 'medium' as const, reason: `place name ${place.name} (${place.country})` }];
  });
}
