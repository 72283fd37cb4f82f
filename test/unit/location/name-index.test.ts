import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../../functions/shared/domain/location/name-index.ts';

const anyEnd = (): boolean => true;
const notBeforeLetter = (text: string, end: number): boolean => !/[a-z]/.test(text.charAt(end));

describe('NameIndex', () => {
  const index = new NameIndex([
    ['new', 'york', 'city'],
    ['new', 'york'],
    ['york'],
    ['cote', 'd', 'ivoire'],
  ]);

  it('finds the first listed name that starts at a position, its words apart by any run of spaces, hyphens and apostrophes', () => {
    expect(index.endOfNameAt('new york city', 0, anyEnd)).toBe(13);
    expect(index.endOfNameAt("cote  d'-ivoire", 0, anyEnd)).toBe(15);
    expect(index.endOfNameAt('new\tyork', 0, anyEnd)).toBe(8);
  });

  it('takes the next listed name when the end of a longer one is refused', () => {
    expect(index.endOfNameAt('new york cityscape', 0, notBeforeLetter)).toBe(8);
    expect(index.endOfNameAt('new yorker', 0, notBeforeLetter)).toBeUndefined();
  });

  it('finds nothing where no name starts', () => {
    expect(index.endOfNameAt('a new york', 0, anyEnd)).toBeUndefined();
    expect(index.endOfNameAt('newyork', 0, anyEnd)).toBeUndefined();
    expect(index.startsWith('n'.charCodeAt(0))).toBe(true);
    expect(index.startsWith('a'.charCodeAt(0))).toBe(false);
    expect(index.startsWith(Number.NaN)).toBe(false);
  });
});
