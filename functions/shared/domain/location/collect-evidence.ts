import type { LocationEvidence, TextSource } from '../types.ts';
import { maskAddresseeBlocks } from './addressee-blocks.ts';
import { maskAdministratorAddresses } from './administrator-contacts.ts';
import { detectCurrencies } from './detectors/currencies.ts';
import { detectFrenchIdentifiers } from './detectors/french-identifiers.ts';
import { detectFrenchPostcodes } from './detectors/french-postcodes.ts';
import { detectPhoneNumbers } from './detectors/phone-numbers.ts';
import { detectPlaceNames } from './detectors/place-names.ts';
import { detectPostcodes } from './detectors/postcodes.ts';
import { detectUsAddresses } from './detectors/us-addresses.ts';
import { detectUsBillingIdentifiers } from './detectors/us-billing-identifiers.ts';
import { detectVatNumbers } from './detectors/vat-numbers.ts';
import type { Detector, Finding } from './finding.ts';
import { normalizeForScanning } from './text.ts';

const DETECTORS: readonly Detector[] = [
  detectUsAddresses,
  detectUsBillingIdentifiers,
  detectFrenchIdentifiers,
  detectFrenchPostcodes,
  detectPostcodes,
  detectVatNumbers,
  detectPhoneNumbers,
  detectPlaceNames,
  detectCurrencies,
];

/** The same clue printed twice (a letterhead on every page) is one piece of evidence. */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(({ country, reason }) => {
    const key = `${country}\n${reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every clue to where treatment happened, source by source; the administrators' own addresses,
 * and the addresses a bill labels as the patient's, the member's or the payer's, are not clues.
 */
export function collectLocationEvidence(sources: readonly TextSource[]): LocationEvidence[] {
  return sources.flatMap(({ source, text }) => {
    const scanned = maskAddresseeBlocks(maskAdministratorAddresses(normalizeForScanning(text)));
    return distinct(DETECTORS.flatMap((detect) => detect(scanned))).map((finding) => ({ ...finding, source }));
  });
}
