/**
 * The performance budgets of the intake; a benchmark reports them, it never fails on
 * them. Sizes are in decimal megabytes, as the budgets are written.
 */
import { MEGABYTE } from './lib/stats.ts';

/**
 * The pipeline may cost at most this multiple of its floor: the libraries it must run, in the same
 * process on the same bytes (mailparser, and pdf.js's text of the pages the intake reads). What
 * the intake adds (a decoder process, hashing, composing the forward) stays a fraction of it.
 */
export const PIPELINE_RATIO_BUDGET = 1.3;
/** Below this size fixed costs (pdf.js set-up, composing two messages) dominate the ratio. */
export const PIPELINE_RATIO_FROM_BYTES = 2 * MEGABYTE;

/**
 * Memory a claim adds (peak RSS above the warmed-up process) may be at most this multiple of the
 * message: the raw message, its decoded attachments and the forward built from them, with room
 * for the PDF reader's working copy. The function's memory setting follows from it.
 */
export const MEMORY_BUDGET_FACTOR = 5;
/** Only large messages tell copies apart from the process's own footprint. */
export const MEMORY_BUDGET_FROM_BYTES = 20 * MEGABYTE;

/** Lambda reads and compiles the whole bundle at every cold start. */
export const BUNDLE_BUDGET_BYTES = 1.5 * MEGABYTE;
/**
 * A cold start is felt by the first claim of the day. What the project can change is its own
 * code's share: the import minus the libraries its code uses, imported alone (which take more
 * than 150 ms on their own for the intake).
 */
export const OWN_CODE_IMPORT_BUDGET_MS = 50;

/**
 * The worst hostile document, run as the function runs it (a claim through the whole pipeline):
 * it must end within its claim's 30 seconds of document reading, and the intake with its decoder
 * within a gibibyte of its 1536 MB.
 */
export const WORST_CASE_SECONDS_BUDGET = 30;
export const WORST_CASE_RSS_BUDGET_MB = 1024;

export type Verdict = 'PASS' | 'OVER' | '-';

/** PASS or OVER when the budget applies, '-' when it does not. */
export function verdict(value: number, budget: number, applies = true): Verdict {
  if (!applies) return '-';
  return value <= budget ? 'PASS' : 'OVER';
}
