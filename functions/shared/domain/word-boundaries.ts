/**
 * Where a clue may start and end: not within a word, nor within a web address, an e-mail address
 * or a file name. Tested on the characters around a match rather than by lookarounds: a lookbehind
 * of Unicode classes costs at every position a search tries.
 */

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/** Code points below this are ASCII, told apart without a regular expression. */
const ASCII_END = 0x80;

/** Whether a UTF-16 code unit (NaN outside a text) is an ASCII letter or digit. */
export function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** \p{L} or \p{N}. */
function isLetterOrNumber(codePoint: number): boolean {
  return codePoint < ASCII_END ? isAsciiLetterOrDigit(codePoint) : LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
}

/** The code point that ends right before `index`, a surrogate pair read as one, as a lookbehind reads it. */
function codePointBefore(text: string, index: number): number | undefined {
  if (index === 0) return undefined;
  const last = text.charCodeAt(index - 1);
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) {
    const first = text.charCodeAt(index - 2);
    if (first >= 0xd800 && first <= 0xdbff) return text.codePointAt(index - 2);
  }
  return last;
}

const FULL_STOP = 0x2e;

/** Flags of the ASCII characters of `characters`. */
function asciiSet(characters: string): boolean[] {
  const set = new Array<boolean>(ASCII_END).fill(false);
  for (const character of characters) set[character.charCodeAt(0)] = true;
  return set;
}

/** What joins the parts of an address or a file name ("a@b.fr", "www.x.fr/y", "scan_2.pdf"), before and after a clue. */
const JOINS_BEFORE = asciiSet('_@./-');
const JOINS_AFTER = asciiSet('_@-');

/** Whether a code point is one of an ASCII set's characters. */
const isIn = (set: readonly boolean[], codePoint: number): boolean => codePoint < ASCII_END && set[codePoint] === true;

/** `(?<![\p{L}\p{N}])` at `index`: not right after a letter or digit. */
export function isNotAfterLetterOrNumber(text: string, index: number): boolean {
  const before = codePointBefore(text, index);
  return before === undefined || !isLetterOrNumber(before);
}

/** `(?<![\p{L}\p{N}_@./-])` at `index`: not right after a letter or digit, nor within an address or a file name. */
export function isNotAfterWord(text: string, index: number): boolean {
  const before = codePointBefore(text, index);
  return before === undefined || !(isLetterOrNumber(before) || isIn(JOINS_BEFORE, before));
}

/** `(?![\p{L}\p{N}_@-]|\.[\p{L}\p{N}])` at `index`: not right before a letter or digit, nor before the rest of an address. */
export function isNotBeforeWord(text: string, index: number): boolean {
  const next = text.codePointAt(index);
  if (next === undefined) return true;
  if (next === FULL_STOP) {
    const afterDot = text.codePointAt(index + 1);
    return afterDot === undefined || !isLetterOrNumber(afterDot);
  }
  return !(isLetterOrNumber(next) || isIn(JOINS_AFTER, next));
}

/** UTF-16 code units of a code point: two past the Basic Multilingual Plane. */
const unitsOf = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1);

/**
 * The next word at or after `from`, as /[\p{L}\p{N}]+/gu finds it, told character by character:
 * a search for every word of a long text spends most of its time on the pattern's Unicode classes.
 */
export function nextWord(text: string, from: number): { readonly start: number; readonly end: number } | undefined {
  let start = from;
  while (start < text.length) {
    const codePoint = text.codePointAt(start)!;
    if (isLetterOrNumber(codePoint)) break;
    start += unitsOf(codePoint);
  }
  if (start >= text.length) return undefined;
  let end = start;
  while (end < text.length) {
    const codePoint = text.codePointAt(end)!;
    if (!isLetterOrNumber(codePoint)) break;
    end += unitsOf(codePoint);
  }
  return { start, end };
}
