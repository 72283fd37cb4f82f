import type { Context } from 'aws-lambda';
import { DEFAULT_OCR_TIME_LIMIT_SECONDS } from '../../functions/shared/config.ts';
import { intakeTiming } from '../../lib/intake-timing.ts';

/** The deployed intake's timeout with the default OCR time: what a local invocation of it has. */
export const INTAKE_TIMEOUT_MS = intakeTiming(DEFAULT_OCR_TIME_LIMIT_SECONDS).timeoutSeconds * 1000;

/** What the handlers read of Lambda's context: the time the invocation has left. */
export type LambdaTimeLeft = Pick<Context, 'getRemainingTimeInMillis'>;

/** The context of an invocation that starts now and times out after `timeoutMs`, as Lambda counts it. */
export function invocationContext(timeoutMs: number, clock: () => number = () => performance.now()): LambdaTimeLeft {
  const endsAt = clock() + timeoutMs;
  return { getRemainingTimeInMillis: () => Math.max(0, Math.round(endsAt - clock())) };
}
