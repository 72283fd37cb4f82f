import { describe, expect, it } from 'vitest';
import { collectLocationEvidence } from '../../../functions/shared/domain/location/index.ts';
import { cluesIn } from '../../support/location-clues.ts';

describe('collectLocationEvidence', () => {
  it('names the source of every piece, in the order of the sources', () => {
    expect(
      collectLocationEvidence([
        { source: 'subject', text: 'Facture Phnom Penh' },
        { source: 'body', text: 'Consultation à Bangkok' },
      ]),
    ).toEqual([
      { country: 'KH', strength: 'medium', reason: 'place name Phnom Penh (KH)', source: 'subject' },
      { country: 'TH', strength: 'medium', reason: 'place name Bangkok (TH)', source: 'body' },
    ]);
  });

  it('counts a clue printed on every page once', () => {
    expect(cluesIn('Clinique, 75002 Paris\n--- page 2 ---\nClinique, 75002 Paris')).toEqual([
      'FR/strong: French postcode and town 75002 Paris (FR)',
      'FR/medium: place name Paris (FR)',
    ]);
  });

  describe('US', () => {
    it('takes a state and ZIP code only when the ZIP belongs to the state, and reports 5 digits', () => {
      expect(cluesIn('New York, NY 10001-1234')).toEqual(['US/strong: US state and ZIP code NY 10001 (US)']);
      expect(cluesIn('ME 12345')).toEqual([]);
      expect(cluesIn('Order 48213 shipped')).toEqual([]);
    });

    it('takes an NPI only beside its label and with a valid check digit', () => {
      expect(cluesIn('NPI: 1765432103')).toEqual(['US/strong: valid NPI 1765432103 (US)']);
      expect(cluesIn('NPI: 1765432104')).toEqual([]);
      expect(cluesIn('Reference 1765432103')).toEqual([]);
    });

    it('takes labelled CPT and HCPCS codes, not numbers outside the CPT range', () => {
      expect(cluesIn('CPT 99214 and HCPCS J1100')).toEqual(['US/medium: CPT/HCPCS procedure codes (2) (US)']);
      expect(cluesIn('CPT 00042')).toEqual([]);
    });

    it('reads a +1 number by its area code: Canadian codes are Canada, the rest only weakly the US', () => {
      expect(cluesIn('Tel +1 (514) 555-0100')).toEqual(['CA/medium: phone number +1 with Canadian area code 514 (CA)']);
      expect(cluesIn('Tel +1 (876) 555-0100')).toEqual(['JM/medium: phone number +1 with area code 876 (JM)']);
      expect(cluesIn('Tel +1 (617) 555-0100')).toEqual([
        'US/weak: phone number +1 with area code 617, US or elsewhere in North America (US)',
      ]);
    });

    it('reads the calling codes of every country from libphonenumber\'s metadata, shared codes by the number\'s range', () => {
      expect(cluesIn('Tel +7 701 234 5678')).toEqual(['KZ/medium: phone number with country code +7 (KZ)']);
      expect(cluesIn('Tel +7 495 123 4567')).toEqual(['RU/medium: phone number with country code +7 (RU)']);
      expect(cluesIn('Tél. +262 262 12 34 56')).toEqual(['RE/medium: phone number with country code +262 (RE)']);
      expect(cluesIn('Tel +995 32 212 3456')).toEqual(['GE/medium: phone number with country code +995 (GE)']);
    });

    it('takes the names of the US, not those of "New Mexico" or "Contact us"', () => {
      expect(cluesIn('États-Unis')).toEqual(['US/medium: place name États-Unis (US)']);
      expect(cluesIn('U.S.A.')).toEqual(['US/medium: place name U.S.A. (US)']);
      expect(cluesIn('Albuquerque, New Mexico. Contact us')).toEqual(['US/medium: place name Albuquerque (US)']);
    });
  });

  describe('France', () => {
    it('takes a SIRET only when Luhn-valid, strong beside its label and medium without', () => {
      expect(cluesIn('SIRET 812 345 676 00017')).toEqual(['FR/strong: valid SIRET 81234567600017 (FR)']);
      expect(cluesIn('Ref. 81234567600017')).toEqual(['FR/medium: valid SIRET 81234567600017 (FR)']);
      expect(cluesIn('SIRET 81234567600018')).toEqual([]);
    });

    it('takes RPPS, FINESS and ADELI numbers beside their labels', () => {
      expect(cluesIn('RPPS : 10101234567')).toEqual(['FR/strong: RPPS number 10101234567 (FR)']);
      expect(cluesIn('FINESS 750712184')).toEqual(['FR/strong: FINESS number 750712184 (FR)']);
      expect(cluesIn('ADELI 751234567')).toEqual(['FR/medium: ADELI number 751234567 (FR)']);
      expect(cluesIn('Dossier 10101234567')).toEqual([]);
    });

    it("takes a postcode followed by a commune that has it, or by a commune of its département and CEDEX", () => {
      expect(cluesIn('92300 LEVALLOIS-PERRET')).toEqual([
        'FR/strong: French postcode and town 92300 Levallois-Perret (FR)',
        'FR/medium: place name Levallois-Perret (FR)',
      ]);
      expect(cluesIn('33700 Mérignac Cedex')).toEqual(['FR/strong: French postcode and town 33700 Mérignac CEDEX (FR)']);
      expect(cluesIn('94100 Saint-Maur-des-Fossés')).toEqual([
        'FR/strong: French postcode and town 94100 Saint-Maur-des-Fossés (FR)',
        'FR/medium: place name Saint-Maur-des-Fossés (FR)',
      ]);
      expect(cluesIn('97400 Saint-Denis')).toEqual(['RE/strong: French postcode and town 97400 Saint-Denis (RE)']);
    });

    it('does not take five digits and a town of another country, nor a town of another département', () => {
      // Not a French postcode: a German town, which GeoNames knows.
      expect(cluesIn('63571 Gelnhausen')).toEqual(['DE/medium: place name Gelnhausen (DE)']);
      expect(cluesIn('28001 Madrid')).toEqual(['ES/medium: place name Madrid (ES)']);
      expect(cluesIn('13000 Paris')).toEqual(['FR/medium: place name Paris (FR)']);
    });

    it('takes a French VAT number only when its key matches the SIREN', () => {
      expect(cluesIn('TVA FR 60 421 938 861')).toEqual(['FR/strong: VAT number FR60421938861 (FR)']);
      expect(cluesIn('TVA FR 61 421 938 861')).toEqual([]);
    });
  });

  describe('other countries', () => {
    it('takes names in several languages, whatever their case or accents', () => {
      expect(cluesIn('DEUTSCHLAND, Allemagne, Germany')).toEqual([
        'DE/medium: place name Deutschland (DE)',
        'DE/medium: place name Allemagne (DE)',
        'DE/medium: place name Germany (DE)',
      ]);
      expect(cluesIn('Cote d’Ivoire')).toEqual(["CI/medium: place name Cote d'Ivoire (CI)"]);
      expect(cluesIn('Emirats Arabes Unis')).toEqual(['AE/medium: place name Émirats Arabes Unis (AE)']);
    });

    it('takes every country by its names in English, French, Spanish, German, Italian, Portuguese and Dutch (i18n-iso-countries)', () => {
      expect(cluesIn('Kirguistán, Oezbekistan, Tadschikistan, Mongólia, Bhutan')).toEqual([
        'KG/medium: place name Kirguistán (KG)',
        'UZ/medium: place name Oezbekistan (UZ)',
        'TJ/medium: place name Tadschikistan (TJ)',
        'MN/medium: place name Mongolia (MN)',
        'BT/medium: place name Bhutan (BT)',
      ]);
    });

    it('leaves out country names that are also common words, first names or a currency\'s country', () => {
      expect(cluesIn('Turkey sandwich, china cup, Chad Smith, Jordan Lee, Guinea pig, réunion du 3 mars, U.S. Department')).toEqual([]);
    });

    it('reads "Georgia" as the country beside a city of Georgia, and as nothing after a US city', () => {
      expect(cluesIn('Tbilisi, Georgia')).toEqual(['GE/medium: place name Tbilisi (GE)', 'GE/medium: place name Georgia (GE)']);
      expect(cluesIn('Atlanta, Georgia')).toEqual(['US/medium: place name Atlanta (US)']);
      expect(cluesIn('Georgia')).toEqual([]);
    });

    it('does not take a street named after a place for that place', () => {
      expect(cluesIn('No. 888, Russian Federation Blvd, London Road')).toEqual([]);
    });

    it('does not take a place name inside a web or e-mail address', () => {
      expect(cluesIn('www.paris.fr, le-tout-lyon.fr, dubai@clinic.example')).toEqual([]);
    });

    it('takes Canadian postal codes after their province, reporting only the area', () => {
      expect(cluesIn('Toronto ON M5V 3L9')).toEqual([
        'CA/strong: Canadian province and postal code area ON M5V (CA)',
        'CA/medium: place name Toronto (CA)',
      ]);
      expect(cluesIn('QC M5V 3L9')).toEqual([]);
    });

    it('takes UK, Dutch, country-letter and Japanese postcodes', () => {
      expect(cluesIn('Harley Street, Marylebone W1G 9QD')).toEqual(['GB/medium: UK postcode area Marylebone W1G (GB)']);
      expect(cluesIn('Weena 664\n3012 CN Rotterdam')).toEqual([
        'NL/medium: Dutch postcode area 3012 Rotterdam (NL)',
        'NL/medium: place name Rotterdam (NL)',
      ]);
      expect(cluesIn('Windows 2019 US Edition')).toEqual([]);
      expect(cluesIn('CH-1201 Genève')).toEqual([
        'CH/medium: postcode with country letter CH-1201 Genève (CH)',
        'CH/medium: place name Genève (CH)',
      ]);
      expect(cluesIn('〒100-0001')).toEqual(['JP/medium: Japanese postcode area 100 (JP)']);
    });

    it('takes international phone numbers by their calling code, without the number', () => {
      expect(cluesIn('Tél. +855 23 991 000')).toEqual(['KH/medium: phone number with country code +855 (KH)']);
      expect(cluesIn('Tel +44 20 7946 0958')).toEqual(['GB/medium: phone number with country code +44 (GB)']);
    });

    it('takes VAT numbers: checked ones strong when valid, others strong beside a label', () => {
      expect(cluesIn('BE 0403.170.701')).toEqual(['BE/strong: VAT number BE0403170701 (BE)']);
      expect(cluesIn('BE 0403.170.702')).toEqual([]);
      expect(cluesIn('MWST CHE-123.456.789')).toEqual(['CH/strong: VAT number CHE123456789 (CH)']);
      expect(cluesIn('Ref GB123456789')).toEqual(['GB/medium: VAT number GB123456789 (GB)']);
    });
  });

  describe('currencies', () => {
    it('takes currency codes as weak evidence, and neither "$" nor the euro', () => {
      expect(cluesIn('Total 120,00 $ - 40 € (EUR)')).toEqual([]);
      expect(cluesIn('Total CAD 120.00')).toEqual(['CA/weak: amounts in CAD (CA)']);
      expect(cluesIn('Total 480 000 riels')).toEqual(['KH/weak: amounts in KHR (KH)']);
      expect(cluesIn('Please pay us $50')).toEqual([]);
    });
  });

  describe("administrators' contacts", () => {
    it("ignores Cigna's address however it is quoted, and its phone and assistance numbers", () => {
      expect(cluesIn('Cigna Global Health Benefits\nP.O. Box 15050\nWilmington, DE 19850\nU.S.A.')).toEqual([]);
      expect(cluesIn('Fax +1 302 797 3150, assistance +44 (0)1475 492 197')).toEqual([]);
    });

    it("ignores MAI's address and numbers, in its French national layout too", () => {
      expect(cluesIn('MAI, 37 rue Anatole France, F-92300 Levallois-Perret, France. Fax 01 42 68 06 90')).toEqual([]);
    });

    it('still takes a clinic in the same town as MAI', () => {
      expect(cluesIn('Clinique, 12 rue Voltaire, 92300 Levallois-Perret')).toEqual([
        'FR/strong: French postcode and town 92300 Levallois-Perret (FR)',
        'FR/medium: place name Levallois-Perret (FR)',
      ]);
    });
  });
});
