/**
 * What libmime (mailparser's MIME helper) uses of iconv-lite, over the runtime's TextDecoder; the
 * functions' bundling puts it in iconv-lite's place (lib/constructs/project-function.ts). libmime
 * only decodes with iconv-lite, and Node's full ICU decodes most charsets of the WHATWG Encoding
 * Standard as iconv-lite does (windows-125x, iso-8859-x, koi8, macintosh, gb18030, euc-jp,
 * iso-2022-jp, shift_jis, utf-16): iconv-lite's own tables, about 600 KB with
 * encoding-japanese's, were compiled at every cold start for nothing.
 *
 * The charsets TextDecoder lacks (the DOS code pages such as cp437 and cp850, mac central
 * european, iso-8859-16) or reads otherwise (EUC-KR and cp949, Big5 and Big5-HKSCS, GBK: see
 * ./codecs.ts) are decoded by the real iconv-lite, loaded by the first message that needs it
 * (./installed-iconv-lite.ts). WHATWG reads iso-8859-1 and us-ascii as windows-1252, which is
 * what mail clients mean by them (libmime maps them so itself). Where Node's ICU still departs
 * from iconv-lite, it does on no character a code page assigns: bytes a code page leaves
 * unassigned become C1 controls rather than U+FFFD, Shift_JIS swaps three control characters,
 * and malformed sequences become U+FFFD as the WHATWG decoders count them.
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
