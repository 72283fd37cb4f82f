/** RFC 2045 §6.8: encoded lines of at most 76 characters. */
const LINE_CHARACTERS = 76;
const LINE_BYTES = (LINE_CHARACTERS / 4) * 3;
const CRLF_BYTES = 2;
/**
 * Lines encoded per call: Buffer#toString('base64') is fast on blocks of some kilobytes and
 * an order of magnitude slower on a string of tens of megabytes.
 */
const LINES_PER_BLOCK = 256;
const BLOCK_BYTES = LINE_BYTES * LINES_PER_BLOCK;
const CR = 0x0d;
const LF = 0x0a;

/** Bytes of `contentBytes` as base64 in CRLF-terminated lines. */
export function base64LinesLength(contentBytes: number): number {
  const characters = Math.ceil(contentBytes / 3) * 4;
  return characters + Math.ceil(characters / LINE_CHARACTERS) * CRLF_BYTES;
}

/**
 * Writes `content` as base64 in CRLF-terminated lines into `target` at `offset`, which must have
 * base64LinesLength() bytes of room; returns the offset after it. Each block is encoded in
 * place, then its lines are moved apart from the last one down, so nothing is copied twice.
 */
export function writeBase64Lines(content: Uint8Array, target: Buffer, offset: number): number {
  const source = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  let position = offset;
  for (let start = 0; start < source.length; start += BLOCK_BYTES) {
    const characters = target.write(source.toString('base64', start, Math.min(start + BLOCK_BYTES, source.length)), position, 'latin1');
    const lines = Math.ceil(characters / LINE_CHARACTERS);
    for (let line = lines - 1; line >= 0; line--) {
      const from = position + line * LINE_CHARACTERS;
      const length = Math.min(LINE_CHARACTERS, characters - line * LINE_CHARACTERS);
      const to = position + line * (LINE_CHARACTERS + CRLF_BYTES);
      target.copyWithin(to, from, from + length);
      target[to + length] = CR;
      target[to + length + 1] = LF;
    }
    position += characters + lines * CRLF_BYTES;
  }
  return position;
}
