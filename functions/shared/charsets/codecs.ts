import { utf16GuessingDecoder, utf32Decoder, utf32GuessingDecoder } from './byte-order.ts';
import { textDecoderOf, type ChunkDecoder } from './chunk-decoder.ts';
import { iconvLiteCodecOf, iconvLiteDecoder } from './installed-iconv-lite.ts';

/** An encoding as iconv-lite's `getCodec` gives it: one object per encoding, whatever name it is reached by. */
export interface Codec {
  /** The WHATWG name of the encoding, or iconv-lite's for those outside the WHATWG set. */
  readonly encodingName: string;
  /**
   * Starts decoding; none for a codec only recognised. No two codecs share one: libmime reads the
   * codecs whose decoder is GBK's (all of iconv-lite's double-byte codecs) in cuts after which no
   * character can be unfinished, which suits GBK, the only one it then finds here.
   */
  readonly decoder: (() => ChunkDecoder) | undefined;
}

/** Recognised so that libmime can refuse it by identity: UTF-7 smuggles markup past filters, base64 and hex are transfer encodings. */
const refused = (encodingName: string): Codec => ({ encodingName, decoder: undefined });
const utf7 = refused('utf7');
const utf16: Codec = { encodingName: 'utf-16', decoder: utf16GuessingDecoder };
const utf32: Codec = { encodingName: 'utf-32', decoder: utf32GuessingDecoder };
const utf32le: Codec = { encodingName: 'utf-32le', decoder: () => utf32Decoder('little') };
const utf32be: Codec = { encodingName: 'utf-32be', decoder: () => utf32Decoder('big') };

/**
 * Codecs not read as a WHATWG label says, by iconv-lite's names: WHATWG reads a UTF-16 label as
 * little endian where iconv-lite guesses the byte order, and has no UTF-32, UTF-7, base64 or hex.
 */
const OWN_CODECS: ReadonlyMap<string, Codec> = new Map([
  ['utf7', utf7],
  ['unicode11utf7', utf7],
  ['utf7imap', refused('utf7imap')],
  ['base64', refused('base64')],
  ['hex', refused('hex')],
  ['utf16', utf16],
  ['utf32', utf32],
  ['ucs4', utf32],
  ['utf32le', utf32le],
  ['ucs4le', utf32le],
  ['utf32be', utf32be],
  ['ucs4be', utf32be],
]);

/**
 * The encodings Node's TextDecoder reads otherwise than iconv-lite, by every name iconv-lite
 * gives them (its dbcs-data.js), with the codec iconv-lite reads them with. Node's ICU reads
 * EUC-KR as KS X 1001 alone, without the 8,822 Hangul syllables Windows (cp949) adds and Outlook
 * writes for the rarer ones; Big5 without its 5,092 HKSCS characters (as private use); GBK with 83
 * characters as private use (the euro sign among them). Named otherwise (cp936, gb2312, cp950,
 * gb18030), they are read alike by both.
 */
const READ_BY_ICONV_LITE: ReadonlyMap<string, string> = new Map([
  ...['cp949', 'windows949', 'ms949', '949', 'cseuckr', 'csksc56011987', 'euckr', 'isoir149', 'korean', 'ksc56011987', 'ksc56011989', 'ksc5601'].map(
    (name) => [name, 'cp949'] as const,
  ),
  ...['big5hkscs', 'big5', 'cnbig5', 'csbig5', 'xxbig5'].map((name) => [name, 'big5hkscs'] as const),
  ...['gbk', 'xgbk', 'isoir58'].map((name) => [name, 'gbk'] as const),
]);

/**
 * iconv-lite's names of encodings TextDecoder knows under other labels; libmime itself hands on
 * x-mac-cyrillic and x-mac-ukrainian as maccyrillic and macukraine.
 */
const ICONV_LITE_NAMES: ReadonlyMap<string, string> = new Map([
  ['shiftjis', 'shift_jis'],
  ['cp932', 'shift_jis'],
  ['eucjp', 'euc-jp'],
  ['cp936', 'gbk'],
  ['cp950', 'big5'],
  ['maccyrillic', 'x-mac-cyrillic'],
  ['macukraine', 'x-mac-cyrillic'],
  ['ucs2', 'utf-16le'],
  ['utf16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
]);

const textDecoderCodecs = new Map<string, Codec>();
const iconvLiteCodecs = new Map<string | object, Codec>();

/** A name as iconv-lite compares names: lower case, without punctuation or a trailing `:year`. */
const iconvLiteName = (name: string) => name.toLowerCase().replace(/:\d{4}$|[^0-9a-z]/g, '');

/** The encoding TextDecoder reads for a label, if it knows the label. */
function whatwgEncoding(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** One codec per codec of iconv-lite, found by its name here or by iconv-lite's own. */
function iconvLiteCodec(encodingName: string, iconvLiteCodecObject: object | string = encodingName): Codec {
  const known = iconvLiteCodecs.get(iconvLiteCodecObject);
  if (known) return known;
  const codec: Codec = { encodingName, decoder: () => iconvLiteDecoder(encodingName) };
  iconvLiteCodecs.set(iconvLiteCodecObject, codec);
  return codec;
}

function textDecoderCodec(encoding: string): Codec {
  const known = textDecoderCodecs.get(encoding);
  if (known) return known;
  const codec: Codec = { encodingName: encoding, decoder: () => textDecoderOf(encoding) };
  textDecoderCodecs.set(encoding, codec);
  return codec;
}

/**
 * The codec a charset name resolves to, undefined for a name nothing here knows. iconv-lite is
 * loaded only to decode, or to look up a name TextDecoder does not know (the DOS code pages
 * such as cp437 and cp850, mac central european, iso-8859-16).
 */
export function codecOf(name: string): Codec | undefined {
  const own = OWN_CODECS.get(iconvLiteName(name));
  if (own) return own;
  const readByIconvLite = READ_BY_ICONV_LITE.get(iconvLiteName(name));
  if (readByIconvLite) return iconvLiteCodec(readByIconvLite);
  const encoding = whatwgEncoding(name) ?? whatwgEncoding(ICONV_LITE_NAMES.get(iconvLiteName(name)));
  if (encoding !== undefined) return textDecoderCodec(encoding);
  const iconvLiteCodecObject = iconvLiteCodecOf(name);
  return iconvLiteCodecObject && iconvLiteCodec(iconvLiteName(name), iconvLiteCodecObject);
}
