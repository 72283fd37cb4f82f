import { isValidSiren, isValidSiret } from '../checksums.ts';
import type { Finding, Strength } from '../finding.ts';
import { allMatches } from '../../matches.ts';
import { digitsOf, hasLabelNear } from '../text.ts';

/** How far from a number its label may stand ("N° SIRET : ..."), in characters. */
const LABEL_REACH = 30;

/** 14 digits, grouped "530 848 134 00017" or not, and not part of a longer number. */
const FOURTEEN_DIGITS = /(?<!\d ?)(\d{3} ?\d{3} ?\d{3} ?\d{5})(?! ?\d)/g;
/** 9 digits, grouped "421 938 861" or not, and not part of a longer number. */
const NINE_DIGITS = /(?<!\d ?)(\d{3} ?\d{3} ?\d{3})(?! ?\d)/g;
const SIRET_LABEL = /\bSIRET\b/i;
const SIREN_LABEL = /\b(?:SIREN|R\.?C\.?S\.?)\b/i;

/** Health-professional and health-establishment registers: the label is what makes the number one. */
const LABELLED_HEALTH_IDENTIFIERS: readonly { pattern: RegExp; name: string; strength: Strength }[] = [
  // RPPS: 11 digits starting 10, every practising doctor, dentist, midwife and pharmacist.
  { pattern: /\bRPPS\b[^\d\n]{0,15}(1 ?0(?: ?\d){9})(?! ?\d)/gi, name: 'RPPS', strength: 'strong' },
  // FINESS: 9 characters starting with the département, every hospital, clinic and pharmacy.
  { pattern: /\bFINESS\b[^\d\n]{0,15}((?:\d{2}|2[AB])(?: ?\d){7})(?! ?\d)/gi, name: 'FINESS', strength: 'strong' },
  // ADELI: 9 digits of the older register, still printed by paramedical professions.
  { pattern: /\bADELI\b[^\d\n]{0,15}((?: ?\d){9})(?! ?\d)/gi, name: 'ADELI', strength: 'medium' },
];

/**
 * French business and health identifiers. A SIRET counts only when its Luhn key holds: one
 * 14-digit number in ten passes by chance, so without its label it is only medium evidence.
 */
export function detectFrenchIdentifiers(text: string): Finding[] {
  const sirets = allMatches(text, FOURTEEN_DIGITS).flatMap((match) => {
    const siret = digitsOf(match[0]);
    if (!isValidSiret(siret)) return [];
    const labelled = hasLabelNear(text, { index: match.index, length: match[0].length }, SIRET_LABEL, LABEL_REACH);
    const strength = labelled ? ('strong' as const) : ('medium' as const);
    return [{ country: 'FR', strength, reason: `valid SIRET ${siret} (FR)` }];
  });
  const sirens = allMatches(text, NINE_DIGITS).flatMap((match) => {
    const siren = digitsOf(match[0]);
    const labelled = hasLabelNear(text, { index: match.index, length: match[0].length }, SIREN_LABEL, LABEL_REACH);
    if (!labelled || !isValidSiren(siren)) return [];
    return [{ country: 'FR', strength: 'medium' as const, reason: `valid SIREN ${siren} (FR)` }];
  });
  const healthIdentifiers = LABELLED_HEALTH_IDENTIFIERS.flatMap(({ pattern, name, strength }) =>
    allMatches(text, pattern).map(([, number = '']) => ({
      country: 'FR',
      strength,
      reason: `${name} number ${number.replace(/ /g, '')} (FR)`,
    })),
  );
  return [...sirets, ...sirens, ...healthIdentifiers];
}
