import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import standIn, { type ConvertOptions } from '../../../functions/shared/charsets/encoding-japanese-stand-in.ts';

const TEXT = '京都の歯科医院からの領収書をお送りします。診察料：１２，０００円';

/** The text in the charset, as encoding-japanese writes it. */
const encoded = (to: Encoding.Encoding) => Buffer.from(Encoding.convert(Encoding.stringToCode(TEXT), { to, from: 'UNICODE' }));

describe('the encoding-japanese stand-in over TextDecoder', () => {
  it.each([
    ['ISO-2022-JP', 'JIS'],
    ['ISO2022JP', 'JIS'],
    ['JIS', 'JIS'],
    ['EUCJP', 'EUCJP'],
    ['EUC-JP', 'EUCJP'],
    ['SJIS', 'SJIS'],
    ['Shift_JIS', 'SJIS'],
  ] as const)('decodes what libmime calls %s as encoding-japanese does', (from, encoding) => {
    const options: ConvertOptions = { to: 'UNICODE', from, type: 'string' };
    expect(standIn.convert(encoded(encoding), options)).toBe(Encoding.convert(encoded(encoding), options));
    expect(standIn.convert(encoded(encoding), options)).toBe(TEXT);
  });

  it('refuses a charset that is not Japanese, and anything but decoding to a string', () => {
    expect(() => standIn.convert(Buffer.from('abc'), { to: 'UNICODE', from: 'UTF8', type: 'string' })).toThrow('No Japanese charset is named UTF8');
    const toArray = { to: 'UNICODE', from: 'JIS', type: 'array' } as unknown as ConvertOptions;
    expect(() => standIn.convert(Buffer.from('abc'), toArray)).toThrow('Only decoding to a string is done here, not to UNICODE as array');
  });
});
