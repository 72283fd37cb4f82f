import iconv from 'iconv-lite';
import charsets from 'libmime/lib/charsets';
import { describe, expect, it } from 'vitest';
import standIn from '../../../functions/shared/charsets/iconv-lite-stand-in.ts';
import { encodeIn, SAMPLES } from './legacy-charset-samples.ts';

/** libmime reads the Japanese charsets other than EUC-JP and Shift_JIS with encoding-japanese, never with iconv-lite. */
const READ_BY_ICONV_LITE = SAMPLES.filter(({ charset }) => charset !== 'iso-2022-jp');

/** The decoder's output for the bytes written to it `size` bytes at a time. */
function decodeInChunks(bytes: Buffer, charset: string, size: number): string {
  const decoder = standIn.getDecoder(charset);
  let text = '';
  for (let offset = 0; offset < bytes.length; offset += size) text += decoder.write(bytes.subarray(offset, offset + size));
  return text + (decoder.end() ?? '');
}

describe('the iconv-lite stand-in over TextDecoder, and iconv-lite where TextDecoder lacks a charset or reads it otherwise', () => {
  it.each(READ_BY_ICONV_LITE)('decodes $charset as iconv-lite does', ({ charset, text, filename }) => {
    for (const sample of [text, filename]) {
      const bytes = encodeIn(charset, sample);
      expect(standIn.decode(bytes, charset)).toBe(iconv.decode(bytes, charset));
      expect(standIn.decode(bytes, charset)).toBe(sample);
    }
  });

  it.each(SAMPLES)('decodes $charset written to it a byte, two and three bytes at a time', ({ charset, text }) => {
    const bytes = encodeIn(charset, text);
    for (const size of [1, 2, 3]) expect(decodeInChunks(bytes, charset, size)).toBe(text);
  });

  it('reads a string as bytes, one per character, as iconv-lite does', () => {
    const bytes = encodeIn('windows-1252', 'Café 12 €');
    expect(standIn.decode(bytes.toString('binary'), 'windows-1252')).toBe('Café 12 €');
    expect(standIn.decode(bytes.toString('binary'), 'windows-1252')).toBe(iconv.decode(bytes, 'windows-1252'));
  });

  it('guesses the byte order of UTF-16 and UTF-32 named without one as iconv-lite does, and drops the byte order mark', () => {
    const text = 'Facture 東京 Счёт 😀';
    const cases: [encoded: string, read: string][] = [
      ['utf-16le', 'utf-16'],
      ['utf-16be', 'utf-16'],
      ['utf-16', 'utf-16'],
      ['utf-32le', 'utf-32'],
      ['utf-32be', 'UTF-32'],
      ['utf-32', 'ucs4'],
      ['utf-32be', 'utf-32be'],
      ['utf-32le', 'UTF-32LE'],
    ];
    for (const [encoded, read] of cases) {
      const bytes = iconv.encode(text, encoded);
      expect(standIn.decode(bytes, read)).toBe(iconv.decode(bytes, read));
      expect(standIn.decode(bytes, read)).toBe(text);
      expect(decodeInChunks(bytes, read, 3)).toBe(text);
    }
    expect(iconv.encode(text, 'utf-16')[0]).toBe(0xff);
    expect(iconv.encode(text, 'utf-32')[0]).toBe(0xff);
  });

  it('gives one codec per encoding, whatever name it is reached by, and two where iconv-lite has two', () => {
    expect(standIn.getCodec('ISO-8859-1')).toBe(standIn.getCodec('windows-1252'));
    expect(standIn.getCodec('latin1')).toBe(standIn.getCodec('cp1252'));
    expect(standIn.getCodec('gb2312')).toBe(standIn.getCodec('cp936'));
    expect(standIn.getCodec('x-gbk')).toBe(standIn.getCodec('GBK'));
    expect(standIn.getCodec('ks_c_5601-1987')).toBe(standIn.getCodec('EUC-KR'));
    expect(standIn.getCodec('windows-949')).toBe(standIn.getCodec('cp949'));
    expect(standIn.getCodec('big5')).toBe(standIn.getCodec('Big5-HKSCS'));
    expect(standIn.getCodec('IBM437')).toBe(standIn.getCodec('cp437'));
    expect(standIn.getCodec('ibm850')).toBe(standIn.getCodec('CP850'));
    expect(standIn.getCodec('Shift_JIS')).toBe(standIn.getCodec('cp932'));
    expect(standIn.getCodec('maccyrillic')).toBe(standIn.getCodec('x-mac-cyrillic'));
    expect(standIn.getCodec('utf16le')).toBe(standIn.getCodec('UTF-16LE'));
    expect(standIn.getCodec('UCS-4')).toBe(standIn.getCodec('utf-32'));
    const iconvLiteHasTwo: readonly (readonly [string, string])[] = [
      ['gb2312', 'gbk'],
      ['cp950', 'big5'],
    ];
    for (const [one, other] of iconvLiteHasTwo) {
      expect(standIn.getCodec(one)).not.toBe(standIn.getCodec(other));
      expect(iconv.getCodec(one)).not.toBe(iconv.getCodec(other));
    }
    expect(standIn.getCodec('gbk').encodingName).toBe('gbk');
    expect(standIn.getCodec('UTF-16').encodingName).toBe('utf-16');
    expect(standIn.getCodec('utf-16le').encodingName).toBe('utf-16le');
  });

  it.each([
    ['cp949', 'euc-kr'],
    ['big5-hkscs', 'big5'],
  ])('decodes %s with iconv-lite, where TextDecoder reads %s otherwise', (charset, label) => {
    const { text } = SAMPLES.find((sample) => sample.charset === charset) ?? expect.unreachable();
    const bytes = encodeIn(charset, text);
    const decoder = new TextDecoder(label);
    expect(decoder.decode(bytes, { stream: true }) + decoder.decode()).not.toBe(text);
    expect(standIn.decode(bytes, charset)).toBe(text);
  });

  it('decodes the GBK characters TextDecoder reads as private use as iconv-lite does: the euro sign among them', () => {
    const bytes = Buffer.from([0x80, 0x20, 0xa2, 0xe3, 0x0a, 0xa8, 0xbc]);
    const decoder = new TextDecoder('gbk');
    expect(decoder.decode(bytes, { stream: true }) + decoder.decode()).toBe('€ \ue76c\n\ue7c7');
    expect(standIn.decode(bytes, 'gbk')).toBe(iconv.decode(bytes, 'gbk'));
    expect(standIn.decode(bytes, 'GBK')).toBe('€ €\nḿ');
  });

  it('decodes with iconv-lite whatever cuts the chunks make: a character split, a lead byte left unfinished before a space', () => {
    const bytes = Buffer.concat([encodeIn('big5-hkscs', '𨋢 門診'), Buffer.from([0x88]), Buffer.from(' 嘅 ', 'latin1'), encodeIn('big5-hkscs', '啲')]);
    const whole = iconv.decode(bytes, 'big5-hkscs');
    for (const size of [1, 2, 3, 5]) expect(decodeInChunks(bytes, 'big5-hkscs', size)).toBe(whole);
  });

  it('recognises UTF-7, UTF-7-IMAP, base64 and hex by every name iconv-lite gives them, as codecs of their own that it never decodes', () => {
    const utf7 = standIn.getCodec('utf7');
    for (const name of ['UTF-7', 'utf-7', 'unicode-1-1-utf-7', 'UNICODE-1-1-UTF-7']) expect(standIn.getCodec(name)).toBe(utf7);
    expect(standIn.getCodec('UTF-7-IMAP')).toBe(standIn.getCodec('utf7imap'));
    expect(standIn.getCodec('BASE64')).toBe(standIn.getCodec('base64'));
    expect(standIn.getCodec('HEX')).toBe(standIn.getCodec('hex'));

    const refused = ['utf7', 'utf7imap', 'base64', 'hex'].map((name) => standIn.getCodec(name));
    const others = ['utf-8', 'windows-1252', 'gbk', 'utf-16', 'utf-16le', 'utf-32', 'iso-2022-jp'].map((name) => standIn.getCodec(name));
    expect(new Set([...refused, ...others]).size).toBe(refused.length + others.length);
    for (const name of ['utf7', 'utf7imap', 'base64', 'hex']) {
      expect(standIn.encodingExists(name)).toBe(true);
      expect(() => standIn.decode(Buffer.from('+ADw-script+AD4-'), name)).toThrow(`The charset ${name} (${name}) is refused, not decoded`);
    }
  });

  it("gives each codec a decoder of its own, so that libmime reads only GBK in the cuts it makes for iconv-lite's double-byte codecs", () => {
    const gbkDecoder = standIn.getCodec('gbk').decoder;
    expect(gbkDecoder).toBeDefined();
    for (const name of ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'utf-16', 'utf-16be', 'utf-32', 'windows-1252']) {
      expect(standIn.getCodec(name).decoder).not.toBe(gbkDecoder);
    }
  });

  it('throws for a charset no decoder knows, as iconv-lite does, so that libmime reads it as UTF-8', () => {
    for (const name of ['x-unknown', 'iso-2022-kr', 'utf-9', '']) {
      expect(() => iconv.getCodec(name)).toThrow();
      expect(() => standIn.getCodec(name)).toThrow(`No decoder knows the charset ${name}`);
      expect(standIn.encodingExists(name)).toBe(false);
      expect(() => standIn.decode(Buffer.from('abc'), name)).toThrow(`No decoder knows the charset ${name}`);
    }
  });

  it("knows every charset libmime's aliases name", () => {
    expect([...new Set(Object.values(charsets))].filter((name) => !standIn.encodingExists(name))).toEqual([]);
  });
});
