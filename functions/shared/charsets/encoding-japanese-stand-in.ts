/**
 * What libmime uses of encoding-japanese, over the runtime's TextDecoder, in its place in the
 * functions' bundles (why: ./iconv-lite-stand-in.ts). libmime hands it the charsets named JIS...,
 * ISO-2022-JP... and EUCJP... to decode, before trying iconv-lite.
 */

export interface ConvertOptions {
  readonly to: 'UNICODE';
  readonly from: string;
  readonly type: 'string';
}

/** encoding-japanese's names, compared as it compares them (upper case, letters and digits), as WHATWG labels. */
function whatwgLabelOf(from: string): string {
  const name = from.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  if (/^(?:JIS|ISO2022JP)/.test(name)) return 'iso-2022-jp';
  if (name.startsWith('EUCJP')) return 'euc-jp';
  if (/^(?:SJIS|SHIFTJIS|CP932|MSKANJI|WINDOWS31J)/.test(name)) return 'shift_jis';
  throw new Error(`No Japanese charset is named ${from}`);
}

/** The text of bytes in a Japanese charset: `convert(bytes, { to: 'UNICODE', from, type: 'string' })`. */
export function convert(data: Uint8Array, { to, from, type }: ConvertOptions): string {
  if (to !== 'UNICODE' || type !== 'string') throw new Error(`Only decoding to a string is done here, not to ${to} as ${type}`);
  return new TextDecoder(whatwgLabelOf(from)).decode(data);
}

/** The module as libmime imports it (`import encodingJapanese from 'encoding-japanese'`, or `require`). */
export default { convert };
