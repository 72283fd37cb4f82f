import { describe, expect, it } from 'vitest';
import { cluesIn } from '../../support/location-clues.ts';

describe('regions and other spellings of places', () => {
  it("takes ISO 3166-2's regions that name their country alone: Canada's provinces, Indonesia's, three of the UK's nations", () => {
    expect(cluesIn('Ontario')).toEqual(['CA/medium: place name Ontario (CA)']);
    expect(cluesIn('British Columbia')).toEqual(['CA/medium: place name British Columbia (CA)']);
    expect(cluesIn('Halifax, Nova Scotia')).toEqual(['CA/medium: place name Halifax (CA)', 'CA/medium: place name Nova Scotia (CA)']);
    expect(cluesIn('England')).toEqual(['GB/medium: place name England (GB)']);
    expect(cluesIn('Scotland')).toEqual(['GB/medium: place name Scotland (GB)']);
    expect(cluesIn('Northern Ireland')).toEqual(['GB/medium: place name Northern Ireland (GB)']);
    expect(cluesIn('Denpasar, Bali')).toEqual(['ID/medium: place name Denpasar (ID)', 'ID/medium: place name Bali (ID)']);
  });

  it('reads no UK nation in "New South Wales" or a Prince of Wales Hospital, and no Iceland in "Long Island"', () => {
    expect(cluesIn('Sydney, New South Wales')).toEqual(['AU/medium: place name Sydney (AU)']);
    expect(cluesIn('Prince of Wales Hospital, Wales')).toEqual([]);
    expect(cluesIn('Long Island')).toEqual([]);
    expect(cluesIn('Providence, Rhode Island')).toEqual(['US/medium: place name Providence (US)']);
  });

  it("takes each country's own name in its language, as CLDR writes it", () => {
    expect(cluesIn('Polska')).toEqual(['PL/medium: place name Polska (PL)']);
    expect(cluesIn('Sverige')).toEqual(['SE/medium: place name Sverige (SE)']);
    expect(cluesIn('Danmark')).toEqual(['DK/medium: place name Danmark (DK)']);
    expect(cluesIn('Norge')).toEqual(['NO/medium: place name Norge (NO)']);
    expect(cluesIn('Suomi')).toEqual(['FI/medium: place name Suomi (FI)']);
    expect(cluesIn('Crna Gora')).toEqual(['ME/medium: place name Crna Gora (ME)']);
    expect(cluesIn('Viêt Nam')).toEqual(['VN/medium: place name Việt Nam (VN)']);
    expect(cluesIn('La Réunion')).toEqual(['RE/medium: place name La Réunion (RE)']);
  });

  it('still takes the spellings no dataset gives, listed by hand', () => {
    expect(cluesIn('Londres')).toEqual(['GB/medium: place name Londres (GB)']);
    expect(cluesIn('München')).toEqual(['DE/medium: place name München (DE)']);
    expect(cluesIn('Lisboa')).toEqual(['PT/medium: place name Lisboa (PT)']);
    expect(cluesIn('Wien')).toEqual(['AT/medium: place name Wien (AT)']);
    expect(cluesIn('Saigon')).toEqual(['VN/medium: place name Saigon (VN)']);
    expect(cluesIn('Colombie-Britannique')).toEqual(['CA/medium: place name Colombie-Britannique (CA)']);
  });
});
