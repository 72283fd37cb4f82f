import { describe, expect, it } from 'vitest';
import { allMatches } from '../../functions/shared/domain/matches.ts';
import { isNotAfterWord, nextWord } from '../../functions/shared/domain/word-boundaries.ts';

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

describe('nextWord', () => {
  const words = (text: string) => {
    const spans: [number, number][] = [];
    for (let word = nextWord(text, 0); word !== undefined; word = nextWord(text, word.end)) spans.push([word.start, word.end]);
    return spans;
  };

  it.each([...TEXTS, 'Saint-Denis, 97400 la réunion', 'ho chi minh ₫ 2 500 000 đ', '\u{1D400}\u{1D401}x \u{1F600}y\u0301z'])(
    'finds in %j the words /[\\p{L}\\p{N}]+/gu finds, code points beyond the BMP included',
    (text) => {
      expect(words(text)).toEqual([...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => [match.index, match.index + match[0].length]));
    },
  );
});
