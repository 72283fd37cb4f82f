import { requireInstalled } from '../../../require-installed.ts';
import { foldForComparison } from '../text.ts';
import type { CountryNames } from './place-names.ts';

type CountryList = { readonly countries: Readonly<Record<string, string | readonly string[]>> };

/**
 * The languages claims are written in, as i18n-iso-countries names the countries in them.
 * Vietnamese is not among them: without its accents "Mỹ" (the US) is "my", "Ý" (Italy) "y".
 */
const LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl'] as const;

/**
 * Each country's own name in its main language, as CLDR (the runtime's Intl) writes it: "Polska",
 * "Sverige", "Việt Nam", "La Réunion". Only names in Latin letters: in scripts that do not space
 * their words (Chinese, Thai) a name would be found inside other words.
 */
function ownNames(countries: readonly string[]): CountryList {
  return {
    countries: Object.fromEntries(
      countries.flatMap((country) => {
        const language = new Intl.Locale(`und-${country}`).maximize();
        const name = language.script === 'Latn' ? new Intl.DisplayNames([language.baseName], { type: 'region', fallback: 'none' }).of(country) : undefined;
        return name ? [[country, name]] : [];
      }),
    ),
  };
}

function countryLists(): CountryList[] {
  const lists = LANGUAGES.map((language) => requireInstalled(`i18n-iso-countries/langs/${language}.json`) as CountryList);
  return [...lists, ownNames(Object.keys(lists[0]?.countries ?? {}))];
}

/**
 * Country names that are also common words, first names or other places: a wrong country is worse
 * than none. "Georgia" and "Géorgie" are also a US state: they count beside a city of Georgia only.
 */
const LEFT_OUT: ReadonlySet<string> = new Set(
  [
    'Jersey', // the garment, and "New Jersey"
    'Chad', 'Jordan', 'Maurice', // first names
    'Turkey', 'China', 'Chile', 'Chili', 'Guinea', // the bird, the porcelain, the pepper, the coin
    'Réunion', // French for a meeting
    'Oma', // German for grandmother
    'Island', // German for Iceland: "Long Island", "Rhode Island"
    'US', 'U.S.', // "US dollars" are billed far beyond the US
  ].map(foldForComparison),
);

/** Names only read beside a city of the same country ("Tbilisi, Georgia"): alone they are a US state. */
export const NAMES_BESIDE_A_CITY_ONLY: ReadonlySet<string> = new Set(['Georgia', 'Géorgie'].map(foldForComparison));

/** "UAE", "U.S.A.": capitals and dots, matched as written. */
const ABBREVIATION = /^[A-Z.]+$/;

/** Every country's names in every language above, but those two countries share ("Congo") and those left out. */
export function countryNames(): CountryNames[] {
  const countriesByName = new Map<string, Set<string>>();
  const written = new Map<string, string[]>();
  for (const { countries } of countryLists()) {
    for (const [country, names] of Object.entries(countries)) {
      for (const name of typeof names === 'string' ? [names] : names) {
        const folded = foldForComparison(name);
        if (LEFT_OUT.has(folded)) continue;
        countriesByName.set(folded, (countriesByName.get(folded) ?? new Set()).add(country));
        written.set(country, [...(written.get(country) ?? []), name]);
      }
    }
  }
  return [...written].map(([country, names]) => {
    const own = [...new Set(names)].filter((name) => countriesByName.get(foldForComparison(name))?.size === 1);
    return {
      country,
      names: own.filter((name) => !ABBREVIATION.test(name)),
      abbreviations: own.filter((name) => ABBREVIATION.test(name)),
    };
  });
}
