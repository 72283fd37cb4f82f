import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64LinesLength, writeBase64Lines } from '../../../../functions/shared/adapters/mime/base64-lines.ts';

/** The plain definition: base64 of the whole, cut every 76 characters, each line ending in CRLF. */
const expectedLines = (content: Buffer) => (content.toString('base64').match(/.{1,76}/g) ?? []).map((line) => `${line}\r\n`).join('');

const written = (content: Buffer, offset = 0) => {
  const target = Buffer.alloc(offset + base64LinesLength(content.length), '#');
  const end = writeBase64Lines(content, target, offset);
  return { target, end };
};

describe('writeBase64Lines', () => {
  // Around a line (57 bytes) and a block (57 × 256 bytes), where the writer changes step.
  it.each([0, 1, 2, 3, 56, 57, 58, 114, 57 * 256 - 1, 57 * 256, 57 * 256 + 1, 57 * 256 * 3 + 2, 1_000_003])(
    'writes %i bytes as base64 in 76-character CRLF lines, filling exactly the length it announces',
    (size) => {
      const content = randomBytes(size);
      const { target, end } = written(content);
      expect(end).toBe(base64LinesLength(size));
      expect(target.toString('latin1')).toBe(expectedLines(content));
    },
  );

  it('writes at the offset it is given and touches nothing before it', () => {
    const content = Buffer.from('Note d’honoraires');
    const { target, end } = written(content, 5);
    expect(target.toString('latin1', 0, 5)).toBe('#####');
    expect(target.toString('latin1', 5, end)).toBe('Tm90ZSBk4oCZaG9ub3JhaXJlcw==\r\n');
  });

  it('reads a view into a larger buffer, not the buffer around it', () => {
    const around = Buffer.from('xxxhelloxxx');
    const { target } = written(around.subarray(3, 8));
    expect(target.toString('latin1')).toBe('aGVsbG8=\r\n');
  });
});
