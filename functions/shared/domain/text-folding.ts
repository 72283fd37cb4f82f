/** Runs of non-ASCII characters: ASCII text is already what the folds below make of it. */
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const MARKS = /\p{M}/gu;
/** Runs longer than this are rare (a word in another script) and not worth remembering. */
const MAX_REMEMBERED_RUN_CHARS = 8;
/** Bounds what a warm function keeps: the accented letters and symbols of a few languages. */
const MAX_REMEMBERED_RUNS = 4096;

/**
 * `fold` applied to the non-ASCII runs of a text only, each distinct run folded once: invoices
 * repeat the same few accented letters, and Unicode normalisation of a whole text is slow. Both
 * folds here are context-free (a decomposition never depends on the characters around it), so
 * folding run by run gives what folding the whole text would.
 */
function foldingNonAsciiRuns(fold: (run: string) => string): (text: string) => string {
  const remembered = new Map<string, string>();
  const foldRun = (run: string): string => {
    const known = remembered.get(run);
    if (known !== undefined) return known;
    const folded = fold(run);
    if (run.length <= MAX_REMEMBERED_RUN_CHARS && remembered.size < MAX_REMEMBERED_RUNS) remembered.set(run, folded);
    return folded;
  };
  return (text) => text.replace(NON_ASCII_RUN, foldRun);
}

/** Letters without their accents: "Côte d'Ivoire" → "Cote d'Ivoire". */
export const withoutAccents = foldingNonAsciiRuns((run) => run.normalize('NFD').replace(MARKS, ''));

/** Without accents and in plain forms too: "º" → "o", fullwidth digits → digits, "ﬁ" → "fi". */
export const withoutAccentsOrCompatibilityForms = foldingNonAsciiRuns((run) => run.normalize('NFKD').replace(MARKS, ''));
