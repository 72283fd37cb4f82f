import { describe, expect, it } from 'vitest';
import {
  isValidBelgianVat,
  isValidFrenchVat,
  isValidGermanVat,
  isValidNpi,
  isValidSiren,
  isValidSiret,
  passesLuhn,
} from '../../../functions/shared/domain/location/checksums.ts';

describe('passesLuhn', () => {
  it('accepts the textbook number and rejects it with another check digit', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });

  it('rejects anything but digits', () => {
    expect(passesLuhn('7992 7398 713')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('isValidNpi', () => {
  it('accepts the CMS example NPI, checked with the 80840 prefix', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1765432103')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong first digit and a wrong length', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('3234567893')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
  });

  it('is not a plain Luhn check: the 10 digits alone pass Luhn yet are no NPI', () => {
    expect(passesLuhn('1234567897')).toBe(true);
    expect(isValidNpi('1234567897')).toBe(false);
  });
});

describe('isValidSiren and isValidSiret', () => {
  it('accepts the SIREN and SIRET printed on real French invoices', () => {
    expect(isValidSiren('421938861')).toBe(true);
    expect(isValidSiret('53084813400017')).toBe(true);
  });

  it('rejects them with one digit changed, and the all-zero number that passes Luhn', () => {
    expect(isValidSiren('421938862')).toBe(false);
    expect(isValidSiret('53084813400018')).toBe(false);
    expect(isValidSiret('00000000000000')).toBe(false);
  });

  it('accepts La Poste establishments whose digit sum is a multiple of 5, though Luhn fails', () => {
    expect(passesLuhn('35600000000001')).toBe(false);
    expect(isValidSiret('35600000000001')).toBe(true);
    expect(isValidSiret('35600000000002')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true);
  });
});

describe('VAT numbers', () => {
  it('checks the French key against the SIREN', () => {
    expect(isValidFrenchVat('FR60421938861')).toBe(true);
    expect(isValidFrenchVat('FR61421938861')).toBe(false);
  });

  it('checks the German MOD 11,10 digit', () => {
    expect(isValidGermanVat('DE232446240')).toBe(true);
    expect(isValidGermanVat('DE232446241')).toBe(false);
  });

  it('checks the Belgian mod 97 pair', () => {
    expect(isValidBelgianVat('BE0403170701')).toBe(true);
    expect(isValidBelgianVat('BE0403170702')).toBe(false);
  });
});
