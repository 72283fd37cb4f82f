import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRawMessage } from '../../functions/shared/adapters/mime/raw-message.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import type { ClaimStatus, Verdicts } from '../../functions/shared/domain/types.ts';
import { PASSING_VERDICTS, RECEIVED_AT, UNAUTHENTICATED_VERDICTS } from '../support/contexts.ts';
import type { InMemoryMessageStore } from '../support/in-memory-message-store.ts';
import { intakeInMemory, RAW_LOCATION, type Delivery } from '../support/in-memory-intake.ts';
import type { RecordingMailer } from '../support/recording-mailer.ts';
import { mutatedMessage, randomMessage } from './mime-arbitraries.ts';

/**
 * Runs per property: a fixed seed and sixty runs keep `npm test` to seconds;
 * `PROPERTY_RUNS=5000 npx vitest run test/property` searches further (a new seed each time with
 * `PROPERTY_SEED=random`).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const SEED = process.env.PROPERTY_SEED === 'random' ? Date.now() : Number(process.env.PROPERTY_SEED ?? 20261207);
/** Time one small message may take from the bytes to a recorded, sent claim; it takes milliseconds. */
const DECISION_TIME_BOUND_MS = 5_000;

const STATUSES: readonly ClaimStatus[] = ['FORWARDED', 'NEEDS_INFO', 'REVIEW', 'IGNORED', 'QUARANTINED', 'DUPLICATE'];

const delivery = fc.record({
  recipients: fc.constantFrom(['claims@claims.example.org'], ['fax@claims.example.org']),
  envelopeSender: fc.constantFrom('marie.dupont@example.fr', 'someone@example.net', ''),
  verdicts: fc.constantFrom<Verdicts>(PASSING_VERDICTS, UNAUTHENTICATED_VERDICTS, { ...PASSING_VERDICTS, virus: 'FAIL' }),
});

/** The intake on one message, failing past the time bound (an asynchronous stall; a synchronous one stops at the test's timeout). */
async function intakeInTime(raw: Buffer, envelope: Delivery) {
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no decision within ${DECISION_TIME_BOUND_MS} ms`)), DECISION_TIME_BOUND_MS);
  });
  try {
    return await Promise.race([intakeInMemory(raw, envelope), overdue]);
  } finally {
    clearTimeout(timer);
  }
}

/** A decision, recorded with its raw message; what was stored and sent can be written as S3 and SES take it. */
function expectRecordedDecision({ claim, store, mailer }: { claim: ClaimRecord; store: InMemoryMessageStore; mailer: RecordingMailer }) {
  expect(STATUSES).toContain(claim.outcome);
  expect(claim.reasons.length).toBeGreaterThan(0);
  expect(claim.rawMessage).toEqual(RAW_LOCATION);
  for (const { contentType } of store.documents.values()) validateHeaderValue('content-type', contentType);
  for (const { message } of mailer.sent) buildRawMessage(message, { from: 'claims@claims.example.org', date: RECEIVED_AT });
}

/** Room for every run to take a few times what it does here (the largest fixtures take tens of milliseconds). */
const TEST_TIMEOUT_MS = 30_000 + RUNS * 250;

describe('the intake decides any message', { timeout: TEST_TIMEOUT_MS }, () => {
  it('records a decision for random MIME trees, in time', async () => {
    await fc.assert(
      fc.asyncProperty(randomMessage, delivery, async (raw, envelope) => {
        expectRecordedDecision(await intakeInTime(raw, envelope));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('records a decision for mutations of the real messages, in time', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedMessage, delivery, async ({ raw }, envelope) => {
        expectRecordedDecision(await intakeInTime(raw, envelope));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
