import { describe, expect, it } from 'vitest';
import { allMatches } from '../../functions/shared/domain/matches.ts';
import { isNotAfterWord } from '../../functions/shared/domain/word-boundaries.ts';

const found = (matches: readonly RegExpMatchArray[]) => matches.map((match) => [match.index, match[0]]);

const TEXTS = ['', 'a1 b22 c333', 'x12 _34 @56 .78 /90 -11 é22 \u{1D400}33 \u{1F600}44 99', '1'.repeat(5)];

describe('allMatches', () => {
  it.each(TEXTS)('finds what matchAll finds in %j, empty matches and code points included', (text) => {
    for (const pattern of [/\d+/g, /\d*/g, /(?:)/gu, /\p{L}?/gu]) {
      expect(found(allMatches(text, pattern))).toEqual(found([...text.matchAll(pattern)]));
      expect(pattern.lastIndex).toBe(0);
    }
  });

  it.each(TEXTS)('with isNotAfterWord, finds in %j what the pattern after its lookbehind finds', (text) => {
    const withLookbehind = /(?<![\p{L}\p{N}_@./-])\d\d/gu;

    expect(found(allMatches(text, /\d\d/gu, isNotAfterWord))).toEqual(found([...text.matchAll(withLookbehind)]));
  });
});
