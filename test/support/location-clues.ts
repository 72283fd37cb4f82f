import { collectLocationEvidence } from '../../functions/shared/domain/location/index.ts';

/** What one text yields, as "COUNTRY/strength: reason". */
export function cluesIn(text: string): string[] {
  return collectLocationEvidence([{ source: 'text', text }]).map(({ country, strength, reason }) => `${country}/${strength}: ${reason}`);
}
