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

describe('the iconv-lite stand-in over TextDecoder', () => {
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

  it('gives one codec per encoding, whatever name it is reached by', () => {
    expect(standIn.getCodec('ISO-8859-1')).toBe(standIn.getCodec('windows-1252'));
    expect(standIn.getCodec('latin1')).toBe(standIn.getCodec('cp1252'));
    expect(standIn.getCodec('gb2312')).toBe(standIn.getCodec('GBK'));
    expect(standIn.getCodec('cp936')).toBe(standIn.getCodec('gbk'));
    expect(standIn.getCodec('ks_c_5601-1987')).toBe(standIn.getCodec('EUC-KR'));
    expect(standIn.getCodec('Shift_JIS')).toBe(standIn.getCodec('cp932'));
    expect(standIn.getCodec('maccyrillic')).toBe(standIn.getCodec('x-mac-cyrillic'));
    expect(standIn.getCodec('utf16le')).toBe(standIn.getCodec('UTF-16LE'));
    expect(standIn.getCodec('UCS-4')).toBe(standIn.getCodec('utf-32'));
    expect(standIn.getCodec('gbk').encodingName).toBe('gbk');
    expect(standIn.getCodec('UTF-16').encodingName).toBe('utf-16');
    expect(standIn.getCodec('utf-16le').encodingName).toBe('utf-16le');
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
    for (const name of ['x-unknown', 'cp437', 'cp850', 'iso-2022-kr', 'maccenteuro', '']) {
      expect(() => standIn.getCodec(name)).toThrow(`No decoder knows the charset ${name}`);
      expect(standIn.encodingExists(name)).toBe(false);
      expect(() => standIn.decode(Buffer.from('abc'), name)).toThrow(`No decoder knows the charset ${name}`);
    }
  });

  it("knows every charset libmime's aliases name but mac central european and iso-8859-16", () => {
    const unknown = [...new Set(Object.values(charsets))].filter((name) => !standIn.encodingExists(name));
    expect(unknown.sort()).toEqual(['ISO-8859-16', 'maccenteuro']);
  });
});
