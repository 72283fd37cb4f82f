/**
 * What libmime (mailparser's MIME helper) uses of iconv-lite, over the runtime's TextDecoder; the
 * functions' bundling puts it in iconv-lite's place (lib/constructs/project-function.ts). libmime
 * only decodes with iconv-lite, and Node's full ICU decodes every charset of the WHATWG Encoding
 * Standard (windows-125x, iso-8859-x, koi8, macintosh, gbk and gb18030, big5, euc-jp,
 * iso-2022-jp, shift_jis, euc-kr, utf-16): iconv-lite's own tables, about 600 KB with
 * encoding-japanese's, were compiled at every cold start for nothing.
 *
 * Given up: charsets outside the WHATWG set (DOS code pages such as cp437 and cp850, mac
 * central european, iso-8859-16 which Node's ICU lacks) are unknown here, so libmime reads them as
 * UTF-8, as it does any charset it does not know. WHATWG reads iso-8859-1 and us-ascii as
 * windows-1252, which is what mail clients mean by them (libmime maps them so itself). Where
 * Node's ICU departs from iconv-lite: it reads euc-kr as KS X 1001 alone, without the 8,822
 * Hangul syllables Windows (cp949) adds and Outlook writes for the rarer ones; Big5's HKSCS and
 * ETEN additions and some 80 GBK characters come out as private-use characters; bytes a code page
 * leaves unassigned become C1 controls rather than U+FFFD, and malformed sequences U+FFFD as the
 * WHATWG decoders count them.
 */
import type { ChunkDecoder } from './chunk-decoder.ts';
import { codecOf, type Codec } from './codecs.ts';

export type { ChunkDecoder, Codec };

/** As iconv-lite: the same object for every name of an encoding, an error for a name no decoder knows. */
export function getCodec(name: string): Codec {
  const codec = codecOf(name);
  if (codec === undefined) throw new Error(`No decoder knows the charset ${name}`);
  return codec;
}

export function encodingExists(name: string): boolean {
  return codecOf(name) !== undefined;
}

export function getDecoder(name: string): ChunkDecoder {
  const { decoder, encodingName } = getCodec(name);
  if (decoder === undefined) throw new Error(`The charset ${name} (${encodingName}) is refused, not decoded`);
  return decoder();
}

/** A string is taken for bytes, one per character, as iconv-lite takes it. */
export function decode(input: Uint8Array | string, name: string): string {
  const decoder = getDecoder(name);
  return decoder.write(typeof input === 'string' ? Buffer.from(input, 'binary') : input) + (decoder.end() ?? '');
}

/** The module as libmime imports it (`import iconv from 'iconv-lite'`, or `require` of the CommonJS build, which takes its default). */
export default { getCodec, encodingExists, getDecoder, decode };
