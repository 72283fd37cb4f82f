/**
 * Country names and major cities as claims write them: English, French and the local language.
 * Names that are also common words, first names or places elsewhere ("Nice", "Georgia",
 * "Jersey", "Vienne", "Rome", "Naples", "Chili") are left out: a wrong country is worse than none.
 * Spellings differing only by accents are listed once: matching ignores accents.
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
  {
    country: 'US',
    names: [
      'United States', 'États-Unis', 'Estados Unidos', 'Vereinigte Staaten', 'New York City', 'Los Angeles',
      'Chicago', 'Houston', 'San Francisco', 'Miami', 'Seattle', 'Boston',
    ],
    abbreviations: ['USA', 'U.S.A.'],
  },
  {
    country: 'CA',
    names: [
      'Canada', 'Québec', 'Toronto', 'Montréal', 'Vancouver', 'Ottawa', 'Calgary', 'Ontario',
      'Colombie-Britannique', 'British Columbia',
    ],
  },
  {
    country: 'FR',
    names: [
      'France', 'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Strasbourg', 'Montpellier',
    ],
  },
  {
    country: 'GB',
    names: [
      'United Kingdom', 'Royaume-Uni', 'Great Britain', 'Grande-Bretagne', 'England', 'Angleterre',
      'Scotland', 'Écosse', 'London', 'Londres', 'Manchester', 'Edinburgh', 'Édimbourg', 'Glasgow',
    ],
    abbreviations: ['UK', 'U.K.'],
  },
  {
    country: 'DE',
    names: [
      'Germany', 'Allemagne', 'Deutschland', 'Berlin', 'München', 'Munich', 'Frankfurt', 'Francfort',
      'Hamburg', 'Hambourg', 'Köln', 'Düsseldorf', 'Stuttgart',
    ],
  },
  {
    country: 'ES',
    names: [
      'Spain', 'Espagne', 'España', 'Madrid', 'Barcelona', 'Barcelone', 'Sevilla', 'Séville', 'Málaga',
    ],
  },
  { country: 'IT', names: ['Italy', 'Italie', 'Italia', 'Roma', 'Milano', 'Napoli', 'Firenze', 'Torino', 'Turin'] },
  { country: 'PT', names: ['Portugal', 'Lisboa', 'Lisbonne', 'Lisbon'] },
  {
    country: 'BE',
    names: [
      'Belgium', 'Belgique', 'België', 'Belgien', 'Bruxelles', 'Brussels', 'Brussel', 'Anvers', 'Antwerpen',
      'Antwerp', 'Liège',
    ],
  },
  {
    country: 'CH',
    names: [
      'Switzerland', 'Suisse', 'Schweiz', 'Svizzera', 'Genève', 'Geneva', 'Genf', 'Zürich', 'Lausanne',
      'Basel', 'Bâle',
    ],
  },
  {
    country: 'NL',
    names: [
      'Netherlands', 'Pays-Bas', 'Nederland', 'Amsterdam', 'Rotterdam', 'Den Haag', 'The Hague', 'La Haye',
      'Utrecht',
    ],
  },
  { country: 'LU', names: ['Luxembourg', 'Luxemburg'] },
  { country: 'MC', names: ['Monaco', 'Monte-Carlo'] },
  { country: 'AT', names: ['Austria', 'Autriche', 'Österreich', 'Wien', 'Vienna', 'Salzburg'] },
  { country: 'IE', names: ['Ireland', 'Irlande', 'Éire', 'Dublin'] },
  { country: 'GR', names: ['Greece', 'Grèce', 'Athens', 'Athènes'] },
  { country: 'PL', names: ['Poland', 'Pologne', 'Polska', 'Warszawa', 'Varsovie', 'Warsaw', 'Kraków'] },
  { country: 'SE', names: ['Sweden', 'Suède', 'Sverige', 'Stockholm'] },
  { country: 'DK', names: ['Denmark', 'Danemark', 'Danmark', 'Copenhagen', 'Copenhague', 'København'] },
  { country: 'NO', names: ['Norway', 'Norvège', 'Norge', 'Oslo'] },
  { country: 'TR', names: ['Türkiye', 'Turquie', 'Istanbul', 'Ankara'] },
  { country: 'RU', names: ['Russia', 'Russie', 'Moscow', 'Moscou'] },
  { country: 'JP', names: ['Japan', 'Japon', 'Tokyo', 'Tokio', 'Osaka', 'Kyoto'] },
  { country: 'CN', names: ['Chine', 'Beijing', 'Pékin', 'Shanghai', 'Shenzhen', 'Guangzhou'] },
  { country: 'HK', names: ['Hong Kong', 'Kowloon'] },
  { country: 'TW', names: ['Taiwan', 'Taipei'] },
  { country: 'KR', names: ['South Korea', 'Corée du Sud', 'Seoul', 'Séoul'] },
  { country: 'SG', names: ['Singapore', 'Singapour'] },
  {
    country: 'KH',
    names: [
      'Cambodia', 'Cambodge', 'Kampuchea', 'Phnom Penh', 'Siem Reap', 'Battambang', 'Sihanoukville',
    ],
  },
  { country: 'TH', names: ['Thailand', 'Thaïlande', 'Bangkok', 'Phuket', 'Chiang Mai', 'Pattaya'] },
  { country: 'VN', names: ['Vietnam', 'Viêt Nam', 'Hanoi', 'Ho Chi Minh', 'Saigon', 'Da Nang'] },
  { country: 'LA', names: ['Laos', 'Vientiane'] },
  { country: 'MY', names: ['Malaysia', 'Malaisie', 'Kuala Lumpur'] },
  { country: 'ID', names: ['Indonesia', 'Indonésie', 'Jakarta', 'Bali'] },
  { country: 'PH', names: ['Philippines', 'Manila', 'Manille'] },
  {
    country: 'IN',
    names: [
      'India', 'Inde', 'Mumbai', 'New Delhi', 'Bangalore', 'Bengaluru', 'Pondichéry', 'Puducherry',
    ],
  },
  {
    country: 'AE',
    names: [
      'United Arab Emirates', 'Émirats arabes unis', 'Dubai', 'Abu Dhabi', 'Abou Dabi',
    ],
    abbreviations: ['UAE'],
  },
  { country: 'QA', names: ['Qatar', 'Doha'] },
  { country: 'SA', names: ['Saudi Arabia', 'Arabie saoudite', 'Riyadh', 'Riyad', 'Jeddah', 'Djeddah'] },
  { country: 'IL', names: ['Israel', 'Tel Aviv', 'Jerusalem'] },
  { country: 'LB', names: ['Lebanon', 'Liban', 'Beirut', 'Beyrouth'] },
  { country: 'EG', names: ['Egypt', 'Égypte', 'Cairo', 'Le Caire'] },
  { country: 'MA', names: ['Morocco', 'Maroc', 'Casablanca', 'Rabat', 'Marrakech', 'Tanger'] },
  { country: 'TN', names: ['Tunisia', 'Tunisie', 'Tunis'] },
  { country: 'DZ', names: ['Algeria', 'Algérie', 'Alger', 'Algiers', 'Oran'] },
  { country: 'SN', names: ['Sénégal', 'Dakar'] },
  { country: 'CI', names: ["Côte d'Ivoire", 'Ivory Coast', 'Abidjan'] },
  { country: 'CM', names: ['Cameroon', 'Cameroun', 'Douala', 'Yaoundé'] },
  { country: 'GA', names: ['Gabon', 'Libreville'] },
  { country: 'MG', names: ['Madagascar', 'Antananarivo'] },
  { country: 'MU', names: ['Mauritius', 'Île Maurice'] },
  { country: 'ZA', names: ['South Africa', 'Afrique du Sud', 'Johannesburg', 'Cape Town'] },
  { country: 'BR', names: ['Brazil', 'Brésil', 'Brasil', 'São Paulo', 'Rio de Janeiro'] },
  { country: 'MX', names: ['Mexique', 'México', 'Mexico City', 'Ciudad de México', 'Guadalajara'] },
  { country: 'AR', names: ['Argentina', 'Argentine', 'Buenos Aires'] },
  { country: 'CO', names: ['Colombia', 'Colombie', 'Bogotá'] },
  { country: 'PE', names: ['Peru', 'Pérou'] },
  { country: 'AU', names: ['Australia', 'Australie', 'Sydney', 'Melbourne', 'Brisbane'] },
  { country: 'NZ', names: ['New Zealand', 'Nouvelle-Zélande', 'Auckland'] },
  { country: 'RE', names: ['La Réunion', 'Île de la Réunion'] },
  { country: 'GP', names: ['Guadeloupe'] },
  { country: 'MQ', names: ['Martinique'] },
  { country: 'GF', names: ['Guyane'] },
  { country: 'NC', names: ['Nouvelle-Calédonie', 'New Caledonia'] },
  { country: 'PF', names: ['Polynésie française', 'French Polynesia', 'Tahiti'] },
];
