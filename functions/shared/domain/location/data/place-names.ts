/**
 * Cities, regions and the other spellings of countries that claims write and that the country
 * lists (data/country-names.ts) do not hold: English, French and the local language. Names that
 * are also common words, first names or places elsewhere ("Nice", "Jersey", "Vienne", "Rome",
 * "Naples") are left out: a wrong country is worse than none. Spellings differing only by accents
 * are listed once: matching ignores accents.
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
  { country: 'US', names: ['États-Unis', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'San Francisco', 'Miami', 'Seattle', 'Boston'] },
  { country: 'CA', names: ['Québec', 'Toronto', 'Montréal', 'Vancouver', 'Ottawa', 'Calgary', 'Ontario', 'Colombie-Britannique', 'British Columbia'] },
  { country: 'FR', names: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Strasbourg', 'Montpellier'] },
  { country: 'GB', names: ['Grande-Bretagne', 'England', 'Angleterre', 'Scotland', 'Écosse', 'London', 'Londres', 'Manchester', 'Edinburgh', 'Édimbourg', 'Glasgow'], abbreviations: ['U.K.'] },
  { country: 'DE', names: ['Berlin', 'München', 'Munich', 'Frankfurt', 'Francfort', 'Hamburg', 'Hambourg', 'Köln', 'Düsseldorf', 'Stuttgart'] },
  { country: 'ES', names: ['Madrid', 'Barcelona', 'Barcelone', 'Sevilla', 'Séville', 'Málaga'] },
  { country: 'IT', names: ['Roma', 'Milano', 'Napoli', 'Firenze', 'Torino', 'Turin'] },
  { country: 'PT', names: ['Lisboa', 'Lisbonne', 'Lisbon'] },
  { country: 'BE', names: ['Bruxelles', 'Brussels', 'Brussel', 'Anvers', 'Antwerpen', 'Antwerp', 'Liège'] },
  { country: 'CH', names: ['Genève', 'Geneva', 'Genf', 'Zürich', 'Lausanne', 'Basel', 'Bâle'] },
  { country: 'NL', names: ['Amsterdam', 'Rotterdam', 'Den Haag', 'The Hague', 'La Haye', 'Utrecht'] },
  { country: 'MC', names: ['Monte-Carlo'] },
  { country: 'AT', names: ['Wien', 'Vienna', 'Salzburg'] },
  { country: 'IE', names: ['Éire', 'Dublin'] },
  { country: 'GR', names: ['Athens', 'Athènes'] },
  { country: 'PL', names: ['Polska', 'Warszawa', 'Varsovie', 'Warsaw', 'Kraków'] },
  { country: 'SE', names: ['Sverige', 'Stockholm'] },
  { country: 'DK', names: ['Danmark', 'Copenhagen', 'Copenhague', 'København'] },
  { country: 'NO', names: ['Norge', 'Oslo'] },
  { country: 'TR', names: ['Istanbul', 'Ankara'] },
  { country: 'RU', names: ['Moscow', 'Moscou'] },
  { country: 'JP', names: ['Tokyo', 'Tokio', 'Osaka', 'Kyoto'] },
  { country: 'CN', names: ['Beijing', 'Pékin', 'Shanghai', 'Shenzhen', 'Guangzhou'] },
  { country: 'HK', names: ['Kowloon'] },
  { country: 'TW', names: ['Taipei'] },
  { country: 'KR', names: ['Seoul', 'Séoul'] },
  { country: 'KH', names: ['Kampuchea', 'Phnom Penh', 'Siem Reap', 'Battambang', 'Sihanoukville'] },
  { country: 'TH', names: ['Bangkok', 'Phuket', 'Chiang Mai', 'Pattaya'] },
  { country: 'VN', names: ['Viêt Nam', 'Hanoi', 'Ho Chi Minh', 'Saigon', 'Da Nang'] },
  { country: 'LA', names: ['Vientiane'] },
  { country: 'MY', names: ['Kuala Lumpur'] },
  { country: 'ID', names: ['Jakarta', 'Bali'] },
  { country: 'PH', names: ['Manila', 'Manille'] },
  { country: 'IN', names: ['Mumbai', 'New Delhi', 'Bangalore', 'Bengaluru', 'Pondichéry', 'Puducherry'] },
  { country: 'AE', names: ['Dubai', 'Abu Dhabi', 'Abou Dabi'] },
  { country: 'QA', names: ['Doha'] },
  { country: 'SA', names: ['Riyadh', 'Riyad', 'Jeddah', 'Djeddah'] },
  { country: 'IL', names: ['Tel Aviv', 'Jerusalem'] },
  { country: 'LB', names: ['Beirut', 'Beyrouth'] },
  { country: 'EG', names: ['Cairo', 'Le Caire'] },
  { country: 'MA', names: ['Casablanca', 'Rabat', 'Marrakech', 'Tanger'] },
  { country: 'TN', names: ['Tunis'] },
  { country: 'DZ', names: ['Alger', 'Algiers', 'Oran'] },
  { country: 'SN', names: ['Dakar'] },
  { country: 'CI', names: ['Abidjan'] },
  { country: 'CM', names: ['Douala', 'Yaoundé'] },
  { country: 'GA', names: ['Libreville'] },
  { country: 'MG', names: ['Antananarivo'] },
  { country: 'MU', names: ['Île Maurice'] },
  { country: 'ZA', names: ['Johannesburg', 'Cape Town'] },
  { country: 'BR', names: ['São Paulo', 'Rio de Janeiro'] },
  { country: 'MX', names: ['Mexico City', 'Ciudad de México', 'Guadalajara'] },
  { country: 'AR', names: ['Buenos Aires'] },
  { country: 'CO', names: ['Bogotá'] },
  { country: 'AU', names: ['Sydney', 'Melbourne', 'Brisbane'] },
  { country: 'NZ', names: ['Auckland'] },
  { country: 'RE', names: ['La Réunion', 'Île de la Réunion'] },
  { country: 'GF', names: ['Guyane'] },
  { country: 'PF', names: ['Tahiti'] },
  { country: 'GE', names: ['Tbilisi', 'Batumi', 'Kutaisi'] },
];
