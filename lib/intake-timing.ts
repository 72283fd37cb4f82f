import { CLAIM_DEADLINE_RESERVE_MS, CLAIM_START_MARGIN_MS, DOCUMENT_TIME_LIMIT_SECONDS } from '../functions/shared/claim-timing.ts';

/**
 * The intake's batch size and timeout, and from the timeout its queue's visibility, derived from what one claim may take
 * (functions/shared/claim-timing.ts) so that they cannot contradict one another: a batch of
 * claims that each use their whole OCR and document budgets still ends before the timeout, and
 * SQS does not hand a message to a second invocation while the first may still be working on it.
 * Numbers only (no CDK), so that the local stack runs the handler with the same timeout.
 */

/** Claims handed to one invocation, at most: they run one after the other (a claim can be 40 MB). */
export const MAX_INTAKE_BATCH_SIZE = 5;
/** The longest a Lambda function may run. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
/** AWS's guidance for an SQS event source: a visibility timeout of at least six times the function's timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface IntakeTiming {
  /** The longest one claim takes: its OCR, its documents and the rest (fetch, record, forward, acknowledge). */
  readonly claimSeconds: number;
  readonly batchSize: number;
  /** A whole batch of the longest claims, and the reserve kept back from their deadline. */
  readonly timeoutSeconds: number;
}

export class IntakeTimingError extends Error {
  override readonly name = 'IntakeTimingError';
}

/** The intake's timing for an OCR time limit per claim (`ocrTimeLimitSeconds`). */
export function intakeTiming(ocrTimeLimitSeconds: number): IntakeTiming {
  const reserveSeconds = Math.ceil(CLAIM_DEADLINE_RESERVE_MS / 1000);
  const claimSeconds = ocrTimeLimitSeconds + DOCUMENT_TIME_LIMIT_SECONDS + Math.ceil(CLAIM_START_MARGIN_MS / 1000);
  // Fewer claims per batch when the OCR budget is so large that five would not fit Lambda's limit.
  const batchSize = Math.min(MAX_INTAKE_BATCH_SIZE, Math.floor((LAMBDA_MAX_TIMEOUT_SECONDS - reserveSeconds) / claimSeconds));
  if (batchSize < 1) {
    throw new IntakeTimingError(`one claim may take ${claimSeconds} s, beyond Lambda's ${LAMBDA_MAX_TIMEOUT_SECONDS} s: lower ocrTimeLimitSeconds`);
  }
  return { claimSeconds, batchSize, timeoutSeconds: batchSize * claimSeconds + reserveSeconds };
}
