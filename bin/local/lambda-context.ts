import type { Context } from 'aws-lambda';

/** What the handlers read of Lambda's context: the time the invocation has left. */
export type LambdaTimeLeft = Pick<Context, 'getRemainingTimeInMillis'>;

/** The context of an invocation that starts now and times out after `timeoutMs`, as Lambda counts it. */
export function invocationContext(timeoutMs: number, clock: () => number = () => performance.now()): LambdaTimeLeft {
  const endsAt = clock() + timeoutMs;
  return { getRemainingTimeInMillis: () => Math.max(0, Math.round(endsAt - clock())) };
}
