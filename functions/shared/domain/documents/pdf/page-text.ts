/**
 * The characters pdf.js replaces by their compatibility form in the text it extracts (its
 * normalizeUnicode, the Arabic and Hebrew presentation forms left out: right-to-left text goes to
 * pdf.js): no-break and typographic spaces, ligatures, micro and ohm signs.
 */
const COMPATIBILITY_CHARACTERS = /[\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06]+/g;
const LONG_S_T_LIGATURE = /\ufb05/g;
const ANY_COMPATIBILITY_CHARACTER = new RegExp(`${COMPATIBILITY_CHARACTERS.source}|${LONG_S_T_LIGATURE.source}`);

/** Characters of right-to-left scripts, which pdf.js reorders into reading order. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export function normalizeCompatibilityCharacters(text: string): string {
  return text.replace(COMPATIBILITY_CHARACTERS, (run) => run.normalize('NFKC')).replace(LONG_S_T_LIGATURE, 'ſt');
}

/** Whether normalizeCompatibilityCharacters changes the text. */
export function hasCompatibilityCharacters(text: string): boolean {
  return ANY_COMPATIBILITY_CHARACTER.test(text);
}

export function hasRightToLeftText(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** Runs of whitespace other than line ends, but for a lone space, which stays as it is: most of them. */
const SPACES_TO_COLLAPSE = /[^\S\n]{2,}|[^\S \n]/g;

/** A space before or after a line end; not a bare line end, which would be replaced by itself. */
const SPACE_AROUND_LINE_END = / \n ?|\n /g;

/** The pages' text as one: pages on their own lines, runs of spaces made one, at most one blank line. */
export function joinPageTexts(pages: readonly string[]): string {
  return pages.join('\n').replace(SPACES_TO_COLLAPSE, ' ').replace(SPACE_AROUND_LINE_END, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
