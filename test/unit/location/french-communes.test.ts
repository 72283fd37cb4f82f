import { describe, expect, it } from 'vitest';
import { communesByFoldedName } from '../../../functions/shared/domain/location/data/french-communes.ts';
import { cluesIn } from '../../support/location-clues.ts';

describe("France's communes and La Poste's postcodes (@etalab/decoupage-administratif)", () => {
  it('keeps every commune with a postcode, by name', () => {
    const communes = communesByFoldedName();

    expect(communes.get('aix en provence')).toEqual([{ name: 'Aix-en-Provence', country: 'FR', postcodes: ['13080', '13090', '13100', '13290', '13540'] }]);
    expect(communes.get('saint denis')?.map(({ country, postcodes }) => `${country} ${postcodes.join(',')}`)).toEqual([
      'FR 11310',
      'FR 30500',
      'FR 93200,93210,93380',
      'RE 97400,97417,97490',
    ]);
    // Postcodes in Guadeloupe's range, communes of their own collectivities.
    expect(communes.get('saint barthelemy')?.find(({ postcodes }) => postcodes.includes('97133'))?.country).toBe('BL');
    expect(communes.get('saint martin')?.find(({ postcodes }) => postcodes.includes('97150'))?.country).toBe('MF');
    expect(communes.size).toBeGreaterThan(30_000);
  });
});

describe('a French postcode and its commune as evidence', () => {
  it('counts a postcode followed by a commune that has it for France, or for the overseas department or collectivity', () => {
    expect(cluesIn('75008 Paris')).toEqual(['FR/strong: French postcode and town 75008 Paris (FR)', 'FR/medium: place name Paris (FR)']);
    expect(cluesIn('13100 Aix-en-Provence')).toEqual(['FR/strong: French postcode and town 13100 Aix-en-Provence (FR)', 'FR/medium: place name Aix-en-Provence (FR)']);
    expect(cluesIn('97400 Saint-Denis')).toEqual(['RE/strong: French postcode and town 97400 Saint-Denis (RE)']);
    expect(cluesIn('97133 Saint-Barthélemy')).toEqual([
      'BL/strong: French postcode and town 97133 Saint-Barthélemy (BL)',
      'BL/medium: place name Saint Barthélemy (BL)',
    ]);
  });

  it('reads the commune however the address writes it: capitals, no accents, "St" for "Saint"', () => {
    expect(cluesIn('13100 AIX EN PROVENCE')).toEqual(['FR/strong: French postcode and town 13100 Aix-en-Provence (FR)', 'FR/medium: place name Aix-en-Provence (FR)']);
    expect(cluesIn('97400 ST DENIS')).toEqual(['RE/strong: French postcode and town 97400 Saint-Denis (RE)']);
    expect(cluesIn('42100 Saint-Étienne, France')).toEqual([
      'FR/strong: French postcode and town 42100 Saint-Étienne (FR)',
      'FR/medium: place name Saint-Étienne (FR)',
      'FR/medium: place name France (FR)',
    ]);
  });

  it('takes CEDEX after a commune of the postcode’s département, whose own postcodes CEDEX codes are not', () => {
    expect(cluesIn('75371 PARIS CEDEX 08')).toEqual(['FR/strong: French postcode and town 75371 Paris CEDEX (FR)', 'FR/medium: place name Paris (FR)']);
    expect(cluesIn('13371 Lyon Cedex')).toEqual([]);
  });

  it('gives no evidence for a postcode followed by a commune that does not have it, or by no commune', () => {
    expect(cluesIn('75008 Aix-en-Provence')).toEqual(['FR/medium: place name Aix-en-Provence (FR)']);
    expect(cluesIn('13100 Saint-Maur-des-Fossés')).toEqual(['FR/medium: place name Saint-Maur-des-Fossés (FR)']);
    expect(cluesIn('12345 Musterstadt')).toEqual([]);
  });
});
