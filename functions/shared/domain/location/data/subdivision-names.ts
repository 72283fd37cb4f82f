import { requireInstalled } from '../../../require-installed.ts';
import type { CountryNames } from './place-names.ts';

/** A country's subdivision as ISO 3166-2 names it. */
export interface Subdivision {
  /** ISO 3166-2: "US-TX", "CA-ON". */
  readonly code: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** ISO's name: "Texas", "Ontario". */
  readonly name: string;
}

/** The subdivision list of the iso-3166 package (ISO 3166-2). */
type SubdivisionList = { readonly iso31662: readonly { readonly code: string; readonly name: string; readonly parent: string }[] };

function subdivisions(): SubdivisionList['iso31662'] {
  return (requireInstalled('iso-3166/2.js') as SubdivisionList).iso31662;
}

/** The subdivisions of these countries (for the US and Canada: states, provinces and territories), by ISO 3166-2 code. */
export function subdivisionsOf(countries: readonly string[]): Map<string, Subdivision> {
  return new Map(subdivisions().filter(({ parent }) => countries.includes(parent)).map(({ code, name, parent }) => [code, { code, country: parent, name }]));
}

/**
 * Regions claims name without their country ("Ontario", "England", "Bali"), each naming it alone:
 * Canada's provinces and territories, Indonesia's provinces, and three of the UK's four nations.
 * Not Wales ("New South Wales", the Prince of Wales Hospitals of Sydney and Hong Kong), nor the
 * UK's other subdivisions, counties and boroughs named like towns elsewhere ("Reading", "Bury").
 */
const REGIONS_NAMED_ALONE = /^(?:CA-|ID-|GB-(?:ENG|SCT|NIR)$)/;

/** The names of the regions that name their country alone, ISO 3166-2's. */
export function regionsNamedAlone(): CountryNames[] {
  return subdivisions()
    .filter(({ code }) => REGIONS_NAMED_ALONE.test(code))
    .map(({ name, parent }) => ({ country: parent, names: [name] }));
}

/** "TX" of "US-TX": the code a postal address writes. */
export function postalCodeOf({ code }: Subdivision): string {
  return code.slice(code.indexOf('-') + 1);
}
