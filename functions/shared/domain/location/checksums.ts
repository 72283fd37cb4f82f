/** Check-digit rules of the identifiers that tell a country for sure. */

const DIGITS_ONLY = /^\d+$/;

/** Luhn (mod 10) check over a string of digits, check digit last. */
export function passesLuhn(digits: string): boolean {
  if (!DIGITS_ONLY.test(digits)) return false;
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position]);
    const weighted = position % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/** "80840": the prefix of US health identifiers, part of the NPI check digit by definition. */
const NPI_LUHN_PREFIX = '80840';

/** US National Provider Identifier: 10 digits, starting 1 or 2, Luhn over the 80840 prefix. */
export function isValidNpi(value: string): boolean {
  return /^[12]\d{9}$/.test(value) && passesLuhn(NPI_LUHN_PREFIX + value);
}

function isZero(digits: string): boolean {
  return /^0+$/.test(digits);
}

/** French company number: 9 digits, Luhn. */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && !isZero(value) && passesLuhn(value);
}

/**
 * La Poste has more establishments than one Luhn key space allows: besides Luhn, its SIRET may
 * instead have a digit sum that is a multiple of 5.
 */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_DIGIT_SUM_MODULUS = 5;

/** French establishment number: SIREN plus a 5-digit establishment number, Luhn (La Poste: or digit sum mod 5). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || isZero(value)) return false;
  if (passesLuhn(value)) return true;
  const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
  return value.startsWith(LA_POSTE_SIREN) && digitSum % LA_POSTE_DIGIT_SUM_MODULUS === 0;
}

/** French VAT number "FR" + 2-digit key + SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97. */
export function isValidFrenchVat(value: string): boolean {
  const parts = /^FR(\d{2})(\d{9})$/.exec(value);
  if (!parts) return false;
  const [, key, siren] = parts as unknown as [string, string, string];
  return isValidSiren(siren) && Number(key) === (12 + 3 * (Number(siren) % 97)) % 97;
}

/** German VAT number "DE" + 9 digits, the last an ISO 7064 MOD 11,10 check digit. */
export function isValidGermanVat(value: string): boolean {
  const parts = /^DE([1-9]\d{7})(\d)$/.exec(value);
  if (!parts) return false;
  const [, body, check] = parts as unknown as [string, string, string];
  let product = 10;
  for (const digit of body) {
    const sum = (Number(digit) + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10 === Number(check);
}

/** Belgian VAT number "BE" + 10 digits, the last two being 97 − (first eight mod 97). */
export function isValidBelgianVat(value: string): boolean {
  const parts = /^BE([01]\d{7})(\d{2})$/.exec(value);
  if (!parts) return false;
  const [, body, check] = parts as unknown as [string, string, string];
  return 97 - (Number(body) % 97) === Number(check);
}
