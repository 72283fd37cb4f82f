import { isAdministratorNumber } from '../administrator-contacts.ts';
import { CALLING_CODE_COUNTRIES, CANADIAN_AREA_CODES, CARIBBEAN_AREA_CODE_COUNTRIES } from '../data/calling-codes.ts';
import type { Finding } from '../finding.ts';
import { normalizePhoneNumber } from '../../phone-number.ts';
import { allMatches } from '../../matches.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** "+855 23 123 456", "+1 (617) 555-0100", "+33 (0)1 42 68 01 42": a "+" and digits on one line. */
const INTERNATIONAL_NUMBER = /(?<![\p{L}\p{N}+])\+[ \t]?\d(?:[ \t.()/-]{0,3}\d){6,16}(?!\d)/gu;
/** "01 71 17 61 67": the French national layout, also used in Morocco and Algeria, hence weak; not after a word. */
const FRENCH_NATIONAL_NUMBER = /0[1-9](?:[ .]\d{2}){4}(?![\p{N}])/gu;

const NORTH_AMERICA = '1';
/** What every phone number's finding says first: a calling code alone never decides a route. */
const PHONE_NUMBER = 'phone number';

/** Whether a piece of evidence is a phone number's calling code. */
export function isPhoneNumberEvidence(piece: { readonly reason: string }): boolean {
  return piece.reason.startsWith(PHONE_NUMBER);
}
const LONGEST_CALLING_CODE = 3;

function northAmericanFinding(areaCode: string): Finding {
  if (CANADIAN_AREA_CODES.has(areaCode)) {
    return { country: 'CA', strength: 'medium', reason: `${PHONE_NUMBER} +1 with Canadian area code ${areaCode} (CA)` };
  }
  const caribbean = CARIBBEAN_AREA_CODE_COUNTRIES[areaCode];
  if (caribbean) {
    return { country: caribbean, strength: 'medium', reason: `${PHONE_NUMBER} +1 with area code ${areaCode} (${caribbean})` };
  }
  return {
    country: 'US',
    strength: 'weak',
    reason: `${PHONE_NUMBER} +1 with area code ${areaCode}, US or elsewhere in North America (US)`,
  };
}

function internationalFinding(e164: string): Finding | undefined {
  const digits = e164.slice(1);
  if (digits.startsWith(NORTH_AMERICA)) return northAmericanFinding(digits.slice(1, 4));
  for (let length = 1; length <= LONGEST_CALLING_CODE; length++) {
    const code = digits.slice(0, length);
    const country = CALLING_CODE_COUNTRIES[code];
    if (country) return { country, strength: 'medium', reason: `${PHONE_NUMBER} with country code +${code} (${country})` };
  }
  return undefined;
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
