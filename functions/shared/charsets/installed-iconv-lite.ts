/**
 * The real iconv-lite, for the charsets the runtime's TextDecoder lacks or reads otherwise
 * (./codecs.ts says which): in the functions it is installed beside the bundle
 * (lib/constructs/intake-function.ts) and loaded by the first message written in one of them, so
 * that its tables are neither bundled nor compiled at every cold start.
 */
import { requireInstalled } from '../require-installed.ts';
import type { ChunkDecoder } from './chunk-decoder.ts';

interface IconvLite {
  getCodec(name: string): object;
  decode(bytes: Buffer, name: string): string;
}

let iconvLite: IconvLite | undefined;

const installed = (): IconvLite => (iconvLite ??= requireInstalled('iconv-lite') as IconvLite);

/** iconv-lite's codec of a charset name, one object for every name of an encoding; none for a name it does not know. Loads it. */
export function iconvLiteCodecOf(name: string): object | undefined {
  try {
    return installed().getCodec(name);
  } catch {
    return undefined;
  }
}

/**
 * Bytes below 0x30 are characters of their own in every charset read here: the single-byte ones,
 * and the double-byte ones whose lead and trail bytes are all above (cp949, Big5-HKSCS, GBK).
 */
const STANDALONE_BYTES_BELOW = 0x30;

/**
 * Decodes with iconv-lite in cuts after which no character can be unfinished, each cut whole:
 * iconv-lite 0.7's double-byte decoder, written to in chunks, drops the end of what a chunk
 * finishes of a character the previous one started (libmime's charset.js cuts alike for GBK).
 */
export function iconvLiteDecoder(name: string): ChunkDecoder {
  let pending: Buffer[] = [];
  const decode = (bytes: Buffer) => installed().decode(bytes, name);
  return {
    write(chunk) {
      let cut = chunk.length;
      while (cut > 0 && (chunk[cut - 1] ?? 0) >= STANDALONE_BYTES_BELOW) cut -= 1;
      if (cut === 0) {
        // Copied: the caller may reuse the chunk it wrote.
        pending.push(Buffer.from(chunk));
        return '';
      }
      const text = decode(Buffer.concat([...pending, chunk.subarray(0, cut)]));
      pending = [Buffer.from(chunk.subarray(cut))];
      return text;
    },
    end() {
      const rest = Buffer.concat(pending);
      pending = [];
      return rest.length > 0 ? decode(rest) : undefined;
    },
  };
}
