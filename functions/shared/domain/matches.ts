/**
 * Every match of a global pattern, as `text.matchAll(pattern)` gives them, found by the pattern
 * itself. matchAll searches with a copy, and V8 compiles a copy afresh once a garbage collection
 * has emptied its cache of compiled patterns, as happens between two claims; a pattern kept in a
 * constant keeps its compiled code.
 *
 * With `startsWell`, only the matches that start where it holds, as if the pattern began with
 * the lookbehind it tests: the search goes on from the next position after a match that does not.
 */
export function allMatches(text: string, pattern: RegExp, startsWell?: (text: string, index: number) => boolean): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (startsWell !== undefined && !startsWell(text, match.index)) {
      pattern.lastIndex = indexAfter(text, match.index, pattern.unicode);
      continue;
    }
    matches.push(match);
    if (match[0] === '') pattern.lastIndex = indexAfter(text, pattern.lastIndex, pattern.unicode);
  }
  return matches;
}

/** The position after the character, or in Unicode mode the code point, at `index`. */
function indexAfter(text: string, index: number, unicode: boolean): number {
  return unicode && (text.codePointAt(index) ?? 0) > 0xffff ? index + 2 : index + 1;
}
