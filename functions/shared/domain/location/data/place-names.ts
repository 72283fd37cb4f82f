/**
 * Regions, islands and the other spellings of countries and cities that claims write and that
 * neither the country lists (data/country-names.ts) nor GeoNames' city names (data/city-names.ts)
 * hold: English, French and the local language ("Londres", "München", "Saigon"). Spellings
 * differing only by accents are listed once: matching ignores accents.
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
  { country: 'CA', names: ['Ontario', 'Colombie-Britannique', 'British Columbia'] },
  { country: 'GB', names: ['Grande-Bretagne', 'England', 'Angleterre', 'Scotland', 'Écosse', 'Londres', 'Édimbourg'], abbreviations: ['U.K.'] },
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
  { country: 'PL', names: ['Polska', 'Warszawa', 'Varsovie'] },
  { country: 'SE', names: ['Sverige'] },
  { country: 'DK', names: ['Danmark', 'Copenhague', 'København'] },
  { country: 'NO', names: ['Norge'] },
  { country: 'RU', names: ['Moscou'] },
  { country: 'JP', names: ['Tokio'] },
  { country: 'CN', names: ['Pékin'] },
  { country: 'KH', names: ['Kampuchea'] },
  { country: 'VN', names: ['Viêt Nam', 'Ho Chi Minh', 'Saigon'] },
  { country: 'ID', names: ['Bali'] },
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
  { country: 'RE', names: ['La Réunion', 'Île de la Réunion'] },
  { country: 'GF', names: ['Guyane'] },
  { country: 'PF', names: ['Tahiti'] },
];
