/**
 * UTF-16 and UTF-32 named without a byte order, read as iconv-lite reads them: in the order of
 * their byte order mark, else the one that makes more of the first 100 characters plausible,
 * little endian when that does not tell. UTF-32, which no WHATWG decoder reads, is decoded here.
 */
import { textDecoderOf, type ChunkDecoder } from './chunk-decoder.ts';

const GUESSED_FROM_CHARACTERS = 100;
const UTF16_BYTES = 2;
const UTF32_BYTES = 4;
const LAST_CODE_POINT = 0x10ffff;
const REPLACEMENT_CHARACTER = '\uFFFD';
const BYTE_ORDER_MARK = '\uFEFF';

type ByteOrder = 'little' | 'big';

/** Each unit of the first characters, as its bytes. */
function* firstUnits(head: Uint8Array, unitBytes: number): Generator<Uint8Array> {
  const end = Math.min(head.length, GUESSED_FROM_CHARACTERS * unitBytes);
  for (let offset = 0; offset + unitBytes <= end; offset += unitBytes) yield head.subarray(offset, offset + unitBytes);
}

/** Counts the characters that are ASCII in either order: Latin text is mostly ASCII, the reverse is rare. */
export function utf16ByteOrder(head: Uint8Array): ByteOrder {
  if (head[0] === 0xff && head[1] === 0xfe) return 'little';
  if (head[0] === 0xfe && head[1] === 0xff) return 'big';
  let asciiIfBig = 0;
  let asciiIfLittle = 0;
  for (const [first, second] of firstUnits(head, UTF16_BYTES)) {
    if (first === 0 && second !== 0) asciiIfBig += 1;
    if (first !== 0 && second === 0) asciiIfLittle += 1;
  }
  return asciiIfBig > asciiIfLittle ? 'big' : 'little';
}

/** Counts the characters of the Basic Multilingual Plane in either order, less those beyond Unicode. */
export function utf32ByteOrder(head: Uint8Array): ByteOrder {
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return 'little';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'big';
  let scoreIfBig = 0;
  let scoreIfLittle = 0;
  for (const [first = 0, second = 0, third = 0, fourth = 0] of firstUnits(head, UTF32_BYTES)) {
    if (first !== 0 || second > 0x10) scoreIfBig -= 1;
    if (fourth !== 0 || third > 0x10) scoreIfLittle -= 1;
    if (first === 0 && second === 0 && (third !== 0 || fourth !== 0)) scoreIfBig += 1;
    if ((first !== 0 || second !== 0) && third === 0 && fourth === 0) scoreIfLittle += 1;
  }
  return scoreIfBig > scoreIfLittle ? 'big' : 'little';
}

/** UTF-32 as iconv-lite decodes it: a number beyond Unicode, or bytes the input ends in the middle of, as U+FFFD. */
export function utf32Decoder(byteOrder: ByteOrder): ChunkDecoder {
  let pending = Buffer.alloc(0);
  let started = false;
  return {
    write(chunk) {
      const bytes = Buffer.concat([pending, chunk]);
      const whole = bytes.length - (bytes.length % UTF32_BYTES);
      pending = bytes.subarray(whole);
      let text = '';
      for (let offset = 0; offset < whole; offset += UTF32_BYTES) {
        const codePoint = byteOrder === 'little' ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset);
        text += codePoint > LAST_CODE_POINT ? REPLACEMENT_CHARACTER : String.fromCodePoint(codePoint);
      }
      // A byte order mark opening the text is not part of it.
      if (!started && text !== '') {
        started = true;
        if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
      }
      return text;
    },
    end: () => (pending.length > 0 ? REPLACEMENT_CHARACTER : undefined),
  };
}

/** Holds the input back until its first characters are in, then decodes it in the byte order they tell. */
function byteOrderGuessingDecoder(unitBytes: number, decoderFor: (head: Uint8Array) => ChunkDecoder): ChunkDecoder {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let decoder: ChunkDecoder | undefined;
  const release = (): [ChunkDecoder, string] => {
    const head = Buffer.concat(held);
    held = [];
    decoder = decoderFor(head);
    return [decoder, decoder.write(head)];
  };
  return {
    write(chunk) {
      if (decoder) return decoder.write(chunk);
      // Copied: the caller may reuse the chunk it wrote.
      held.push(Buffer.from(chunk));
      heldBytes += chunk.length;
      return heldBytes < GUESSED_FROM_CHARACTERS * unitBytes ? '' : release()[1];
    },
    end() {
      if (decoder) return decoder.end();
      const [released, text] = release();
      return text + (released.end() ?? '');
    },
  };
}

export const utf16GuessingDecoder = (): ChunkDecoder =>
  byteOrderGuessingDecoder(UTF16_BYTES, (head) => textDecoderOf(utf16ByteOrder(head) === 'little' ? 'utf-16le' : 'utf-16be'));

export const utf32GuessingDecoder = (): ChunkDecoder => byteOrderGuessingDecoder(UTF32_BYTES, (head) => utf32Decoder(utf32ByteOrder(head)));
