import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from './intake-harness.ts';

/** Emulators and members start once per file; DynamoDB Local alone takes seconds. */
const HARNESS_START_TIMEOUT_MS = 120_000;

/**
 * The intake harness for a whole test file, stopped after it, with an empty SES outbox before
 * each test so a test sees only the mail it caused.
 */
export function useIntakeHarness(): () => IntakeHarness {
  let harness: IntakeHarness | undefined;
  beforeAll(async () => {
    harness = await startIntakeHarness();
  }, HARNESS_START_TIMEOUT_MS);
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    await harness?.aws.outbox.clear();
  });
  return () => {
    if (!harness) throw new Error('The intake harness has not started');
    return harness;
  };
}
