import { describe, expect, it } from 'vitest';
import { CLAIM_DEADLINE_RESERVE_MS, CLAIM_START_MARGIN_MS, DOCUMENT_TIME_LIMIT_SECONDS } from '../../functions/shared/claim-timing.ts';
import { RESEND_AFTER_MS } from '../../functions/shared/pipeline/send-once.ts';
import { intakeTiming, IntakeTimingError, LAMBDA_MAX_TIMEOUT_SECONDS } from '../../lib/intake-timing.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/redrive.ts';
import { arnOf, logicalId, synthStack } from './synth-stack.ts';

/** What the synthesized template says of the intake's timing. */
function synthesizedTiming(context: Record<string, unknown>) {
  const { stack, template } = synthStack(context);
  const resources = template.toJSON().Resources;
  const fn = resources[logicalId(stack.intake.function)].Properties;
  const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { EventSourceArn: arnOf(stack.intakeQueue.queue) } }));
  return {
    timeoutSeconds: fn.Timeout as number,
    ocrSeconds: Number(fn.Environment.Variables.OCR_TIME_LIMIT_SECONDS),
    batchSize: mapping?.Properties.BatchSize as number,
    visibilityTimeoutSeconds: resources[logicalId(stack.intakeQueue.queue)].Properties.VisibilityTimeout as number,
  };
}

describe('intake timing', () => {
  it('gives a batch of five claims 337 seconds: 20 of OCR, 30 of documents and 15 for the rest each, and 12 kept back', () => {
    expect(synthesizedTiming({})).toEqual({ timeoutSeconds: 337, ocrSeconds: 20, batchSize: 5, visibilityTimeoutSeconds: 2022 });
  });

  it.each(['5', '20', '60', '170', '600'])('keeps batch size, timeout, visibility and budgets consistent with %s s of OCR per claim', (ocrTimeLimitSeconds) => {
    const { timeoutSeconds, ocrSeconds, batchSize, visibilityTimeoutSeconds } = synthesizedTiming({ ocrTimeLimitSeconds });
    const claimSeconds = ocrSeconds + DOCUMENT_TIME_LIMIT_SECONDS + CLAIM_START_MARGIN_MS / 1000;

    expect(ocrSeconds).toBe(Number(ocrTimeLimitSeconds));
    expect(batchSize).toBeGreaterThanOrEqual(1);
    expect(batchSize).toBeLessThanOrEqual(5);
    // OCR time per claim x batch size fits the timeout, with every claim's other budgets and the reserve.
    expect(ocrSeconds * batchSize).toBeLessThan(timeoutSeconds);
    expect(batchSize * claimSeconds + CLAIM_DEADLINE_RESERVE_MS / 1000).toBeLessThanOrEqual(timeoutSeconds);
    // One claim more would not have fitted Lambda's limit, unless the batch is already at five.
    if (batchSize < 5) expect((batchSize + 1) * claimSeconds + CLAIM_DEADLINE_RESERVE_MS / 1000).toBeGreaterThan(900);
    expect(timeoutSeconds).toBeLessThanOrEqual(900);
    // AWS's guidance for an SQS event source: visibility at least six times the function's timeout.
    expect(visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * timeoutSeconds);
    // A send whose result was lost is resent only once no invocation can still be running it, and
    // while the message has at least two deliveries left before the dead-letter queue.
    expect(RESEND_AFTER_MS / 1000).toBeGreaterThan(LAMBDA_MAX_TIMEOUT_SECONDS);
    expect(RESEND_AFTER_MS / 1000).toBeLessThan((MAX_RECEIVE_COUNT - 2) * visibilityTimeoutSeconds);
  });

  it('takes one claim at a time when five would not fit the 900 s Lambda allows', () => {
    expect(intakeTiming(600)).toEqual({ claimSeconds: 645, batchSize: 1, timeoutSeconds: 657 });
    expect(intakeTiming(170)).toEqual({ claimSeconds: 215, batchSize: 4, timeoutSeconds: 872 });
  });

  it('refuses an OCR budget with which not even one claim fits', () => {
    expect(() => intakeTiming(880)).toThrow(IntakeTimingError);
  });
});
