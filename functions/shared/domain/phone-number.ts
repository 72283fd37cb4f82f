/**
 * Phone numbers as a fax gateway or a member file writes them, brought to E.164 so a caller
 * number can be compared with a member's registered fax numbers.
 */

/** E.164: country code plus national number, 15 digits at most. */
const MAX_E164_DIGITS = 15;
/** Shortest numbers in use (small countries: country code plus a 5 or 6 digit subscriber number). */
const MIN_E164_DIGITS = 8;
/** North America: "1", a 3-digit area code and a 7-digit number; a local 7-digit number cannot be placed. */
const NORTH_AMERICAN_E164_DIGITS = 11;

/** Spaces, dashes, dots, slashes and parentheses are only how a number is written. */
const WRITTEN_NUMBER = /^\+?[\d\s\-./()]+$/;
/** "+33 (0)1 ...": the national trunk prefix shown beside the international form, never dialled with it. */
const TRUNK_PREFIX_BESIDE_COUNTRY_CODE = /\(\s*0\s*\)/g;
const CALLING_CODE = /^[1-9]\d{0,2}$/;

/** International call prefixes: "00" in most countries, "011" in North America. */
const INTERNATIONAL_PREFIX = '00';
const NORTH_AMERICAN_CALLING_CODE = '1';
const NORTH_AMERICAN_INTERNATIONAL_PREFIX = '011';

/** Italy dials the leading 0 of a fixed-line number from abroad too: it is not a trunk prefix there. */
const CALLING_CODES_KEEPING_LEADING_ZERO = new Set(['39']);

/**
 * Normalises a written phone number to E.164 ("+33142680690"). A number without an international
 * prefix ("+", "00", or "011" in North America) is read as national to `defaultCallingCode`
 * (e.g. "1", "33"), its trunk prefix dropped. Returns undefined when the text cannot be a phone
 * number, or is national and no calling code is given; throws when `defaultCallingCode` is not one.
 */
export function normalizePhoneNumber(raw: string, defaultCallingCode?: string): string | undefined {
  if (defaultCallingCode !== undefined && !CALLING_CODE.test(defaultCallingCode)) {
    throw new RangeError(`Not a country calling code: "${defaultCallingCode}"`);
  }
  const written = raw.trim();
  if (!WRITTEN_NUMBER.test(written)) return undefined;
  const digits = written.replace(TRUNK_PREFIX_BESIDE_COUNTRY_CODE, '').replace(/\D/g, '');

  const international = internationalDigits(written, digits, defaultCallingCode);
  if (international === undefined) return undefined;
  if (international.startsWith('0')) return undefined;
  if (international.length < MIN_E164_DIGITS || international.length > MAX_E164_DIGITS) return undefined;
  if (international.startsWith(NORTH_AMERICAN_CALLING_CODE) && international.length !== NORTH_AMERICAN_E164_DIGITS) return undefined;
  return `+${international}`;
}

function internationalDigits(written: string, digits: string, defaultCallingCode: string | undefined): string | undefined {
  if (written.startsWith('+')) return digits;
  if (defaultCallingCode === NORTH_AMERICAN_CALLING_CODE && digits.startsWith(NORTH_AMERICAN_INTERNATIONAL_PREFIX)) {
    return digits.slice(NORTH_AMERICAN_INTERNATIONAL_PREFIX.length);
  }
  if (digits.startsWith(INTERNATIONAL_PREFIX)) return digits.slice(INTERNATIONAL_PREFIX.length);
  if (defaultCallingCode === undefined) return undefined;
  return defaultCallingCode + withoutTrunkPrefix(digits, defaultCallingCode);
}

function withoutTrunkPrefix(nationalDigits: string, callingCode: string): string {
  if (callingCode === NORTH_AMERICAN_CALLING_CODE) {
    return nationalDigits.startsWith(NORTH_AMERICAN_CALLING_CODE) ? nationalDigits.slice(1) : nationalDigits;
  }
  if (CALLING_CODES_KEEPING_LEADING_ZERO.has(callingCode)) return nationalDigits;
  return nationalDigits.startsWith('0') ? nationalDigits.slice(1) : nationalDigits;
}
