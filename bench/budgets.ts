/**
 * The performance budgets of the intake (issue 4); a benchmark reports them, it never fails on
 * them. Sizes are in decimal megabytes, as the budgets are written.
 */
import { MEGABYTE } from './lib/stats.ts';

/**
 * The pipeline may cost at most this multiple of parsing the message with mailparser alone: what
 * it adds (reading PDF text layers, hashing, composing the forward) must stay of the order of the
 * parse itself.
 */
export const PIPELINE_RATIO_BUDGET = 1.5;
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
/** A cold start is felt by the first claim of the day. */
export const IMPORT_BUDGET_MS = 150;

export type Verdict = 'PASS' | 'OVER' | '-';

/** PASS or OVER when the budget applies, '-' when it does not. */
export function verdict(value: number, budget: number, applies = true): Verdict {
  if (!applies) return '-';
  return value <= budget ? 'PASS' : 'OVER';
}
