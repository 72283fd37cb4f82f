import { isAdministratorNumber } from '../administrator-contacts.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Finding } from '../finding.ts';
import { normalizePhoneNumber } from '../../phone-number.ts';
import { allMatches } from '../../matches.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** "+855 23 123 456", "+1 (617) 555-0100", "+33 (0)1 42 68 01 42": a "+" and digits on one line. */
const INTERNATIONAL_NUMBER = /(?<![\p{L}\p{N}+])\+[ \t]?\d(?:[ \t.()/-]{0,3}\d){6,16}(?!\d)/gu;
/** "01 71 17 61 67": the French national layout, also used in Morocco and Algeria, hence weak; not after a word. */
const FRENCH_NATIONAL_NUMBER = /0[1-9](?:[ .]\d{2}){4}(?![\p{N}])/gu;

const NORTH_AMERICA = '1';
const US = 'US';
/** What every phone number's finding says first: a calling code alone never decides a route. */
const PHONE_NUMBER = 'phone number';

/** Whether a piece of evidence is a phone number's calling code. */
export function isPhoneNumberEvidence(piece: { readonly reason: string }): boolean {
  return piece.reason.startsWith(PHONE_NUMBER);
}

/**
 * "+1" is shared by the US, Canada and the Caribbean; libphonenumber's metadata tells them apart
 * by area code. A US number (or one no country claims) is weak: the code is all of North America's.
 */
function northAmericanFinding(areaCode: string, country: string | undefined): Finding {
  if (country === 'CA') {
    return { country, strength: 'medium', reason: `${PHONE_NUMBER} +1 with Canadian area code ${areaCode} (CA)` };
  }
  if (country !== undefined && country !== US) {
    return { country, strength: 'medium', reason: `${PHONE_NUMBER} +1 with area code ${areaCode} (${country})` };
  }
  return { country: US, strength: 'weak', reason: `${PHONE_NUMBER} +1 with area code ${areaCode}, US or elsewhere in North America (US)` };
}

/** The country of a number by libphonenumber's metadata: codes shared by countries (+7, +262, +590) by the number's range. */
function internationalFinding(e164: string): Finding | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined) return undefined;
  const callingCode = parsed.countryCallingCode;
  if (callingCode === NORTH_AMERICA) return northAmericanFinding(parsed.nationalNumber.slice(0, 3), parsed.country);
  const country = parsed.country;
  return country ? { country, strength: 'medium', reason: `${PHONE_NUMBER} with country code +${callingCode} (${country})` } : undefined;
}

/** Phone numbers, by their calling code; the number itself is not reported, a member's may be among them. */
export function detectPhoneNumbers(text: string): Finding[] {
  const international = allMatches(text, INTERNATIONAL_NUMBER).flatMap(([written]) => {
    const e164 = normalizePhoneNumber(written);
    return e164 && !isAdministratorNumber(e164) ? (internationalFinding(e164) ?? []) : [];
  });
  const french = allMatches(text, FRENCH_NATIONAL_NUMBER, isNotAfterWord).flatMap(([written]) => {
    const e164 = normalizePhoneNumber(written, '33');
    return e164 && !isAdministratorNumber(e164)
      ? [{ country: 'FR', strength: 'weak' as const, reason: `${PHONE_NUMBER} in the French national layout (FR)` }]
      : [];
  });
  return [...international, ...french];
}
