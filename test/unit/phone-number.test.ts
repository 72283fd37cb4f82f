import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../functions/shared/domain/phone-number.ts';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+33 1 42 68 06 90', undefined, '+33142680690'],
    ['+33 (0)1 42 68 06 90', undefined, '+33142680690'],
    ['0033142680690', undefined, '+33142680690'],
    ['00 33 1 42 68 06 90', '1', '+33142680690'],
    ['011 33 1 42 68 06 90', '1', '+33142680690'],
    ['01 42 68 06 90', '33', '+33142680690'],
    ['01.42.68.06.90', '33', '+33142680690'],
    ['(469) 543-6401', '1', '+14695436401'],
    ['469-543-6401', '1', '+14695436401'],
    ['1-469-543-6401', '1', '+14695436401'],
    ['+1 (469) 543-6401', undefined, '+14695436401'],
    ['+1 (469) 543-6401', '33', '+14695436401'],
    ['+212 522-264800', undefined, '+212522264800'],
    ['06 6981 2345', '39', '+390669812345'],
    ['+855 23 555 014', undefined, '+85523555014'],
    ['  +44 20 7946 0958  ', undefined, '+442079460958'],
  ])('%j (default calling code %j) is %s', (raw, defaultCallingCode, expected) => {
    expect(normalizePhoneNumber(raw, defaultCallingCode)).toBe(expected);
  });

  it.each([
    ['469-543-6401', undefined, 'national number without a calling code'],
    ['01 42 68 06 90', undefined, 'national number without a calling code'],
    ['543-6401', '1', 'North American number without its area code'],
    ['+1 469 543 64011', undefined, 'North American number one digit too long'],
    ['+33 1 42', undefined, 'shorter than 8 digits'],
    ['+33 1 42 68 06 90 12 34 5', undefined, 'longer than 15 digits'],
    ['+0 33 1 42 68 06 90', undefined, 'country code starting with 0'],
    ['+33 1 42 68 06 90 ext. 12', undefined, 'extension'],
    ['fax: +33142680690', undefined, 'text around the number'],
    ['++33142680690', undefined, 'doubled plus'],
    ['', '33', 'empty'],
    ['---', '33', 'no digit'],
  ])('%j (default calling code %j) is not a number: %s', (raw, defaultCallingCode, _reason) => {
    expect(normalizePhoneNumber(raw, defaultCallingCode)).toBeUndefined();
  });

  it('refuses a default calling code that is not one', () => {
    expect(() => normalizePhoneNumber('01 42 68 06 90', '+33')).toThrow(RangeError);
    expect(() => normalizePhoneNumber('01 42 68 06 90', '0')).toThrow('Not a country calling code: "0"');
  });
});
