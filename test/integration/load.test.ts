import { describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { runLoad } from '../../bench/load/run-load.ts';
import { tally } from '../../bench/load/tally.ts';

describe('npm run load, at 40 claims', () => {
  it('records every message once and sends nothing twice, through duplicates, hostile messages and faults', async () => {
    const { result, outcomes, redelivered, problems } = await runLoad({ claims: 40, concurrency: 16 });

    expect(problems).toEqual([]);
    // 40 messages: 4 re-sent claims, 2 hostile (1,200 MIME parts; a 2 MB header), 2 with a
    // fault (SES throttled at the forward; SES down from the forward on), 5 large (four of
    // 2 MB, one of 12 MB) and 27 distinct claims.
    expect(outcomes).toEqual({
      'claim FORWARDED': 27,
      'large FORWARDED': 5,
      'faulted FORWARDED': 2,
      'duplicate DUPLICATE': 4,
      'hostile REVIEW': 2,
    });
    // The throttled send is absorbed by the SDK's retries; the claim whose SES was down needed the queue's.
    expect(redelivered).toBe(1);
    expect(result).toMatchObject({
      claims: 40,
      recorded: 40,
      // Each forwarded claim once; a duplicate is not forwarded again.
      forwards: 34,
      // An acknowledgement per forwarded claim and a duplicate notice per re-sent one; the unreadable hostile messages get none.
      acknowledgements: 38,
      duplicateSends: 0,
      lost: 0,
      deadLettered: 0,
    });
    expect(result.claimsPerSec).toBeGreaterThan(0);
    expect(result.p95Ms).toBeGreaterThan(0);
  }, 60_000);
});

describe('the load\'s tally', () => {
  const reference = 'CLM-2026-ABCDEF';
  const claim = (overrides: Partial<ClaimRecord> = {}) =>
    ({
      reference,
      sesMessageId: 'ses-1',
      status: 'FORWARDED',
      reasons: [],
      forward: { messageId: 'forward-2' },
      sends: { forward: { state: 'sent', attempt: 1 } },
      ...overrides,
    }) as unknown as ClaimRecord;
  const forward = (messageId: string): OutboxEmail => ({
    messageId,
    from: 'claims@claims.example.org',
    replyTo: [],
    destination: { to: ['contact@medical-administrators.com'], cc: [], bcc: [] },
    subject: `Claim ${reference} - member 12345678`,
    body: {},
    attachments: [],
    at: 0,
  });
  const accepted = [{ sesMessageId: 'ses-1', kind: 'claim' }];

  it('counts a copy of a forward its claim does not record as sent twice', () => {
    const { figures, problems } = tally(accepted, new Map([['ses-1', [claim()]]]), [forward('forward-1'), forward('forward-2')], []);

    expect(figures).toMatchObject({ forwards: 2, duplicateSends: 1, lost: 0, recorded: 1 });
    expect(problems).toEqual(['1 forwards or replies were sent more than once without a recorded resend']);
  });

  it('accepts the earlier copy of a forward the claim records as resent, with its reason', () => {
    const reason = 'forward resent as attempt 2: attempt 1 had no result after 16 minutes';
    const resent = claim({ reasons: [reason], sends: { forward: { state: 'sent', attempt: 2, reason } } as unknown as ClaimRecord['sends'] });

    const { figures, problems } = tally(accepted, new Map([['ses-1', [resent]]]), [forward('forward-1'), forward('forward-2')], []);

    expect(figures).toMatchObject({ forwards: 2, duplicateSends: 0 });
    expect(problems).toEqual([]);
  });

  it('counts a message with no claim as lost, unless it is in the dead-letter list', () => {
    const lost = tally(accepted, new Map(), [], []);
    const deadLettered = tally(accepted, new Map(), [], [{ sesMessageId: 'ses-1', objectKey: 'incoming/ses-1', attempts: 5, deadLetteredAt: new Date(0) }]);

    expect(lost.figures).toMatchObject({ lost: 1, deadLettered: 0, recorded: 0 });
    expect(lost.problems).toEqual(['1 accepted messages have no claim and are not dead-lettered']);
    expect(deadLettered.figures).toMatchObject({ lost: 0, deadLettered: 1 });
    expect(deadLettered.problems).toEqual(['1 messages were dead-lettered']);
  });
});
