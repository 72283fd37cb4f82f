import { createRequire } from 'node:module';

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

/** Installed beside the function's bundle, read on first use: 5,000 subdivisions a cold start need not parse. */
const requireInstalled = createRequire(import.meta.url);

/** The subdivisions of these countries, those directly under the country (states, not counties), by ISO 3166-2 code. */
export function subdivisionsOf(countries: readonly string[]): Map<string, Subdivision> {
  const { iso31662 } = requireInstalled('iso-3166/2.js') as SubdivisionList;
  return new Map(iso31662.filter(({ parent }) => countries.includes(parent)).map(({ code, name, parent }) => [code, { code, country: parent, name }]));
}

/** "TX" of "US-TX": the code a postal address writes. */
export function postalCodeOf({ code }: Subdivision): string {
  return code.slice(code.indexOf('-') + 1);
}
