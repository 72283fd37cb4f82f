import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { createDynamoClient } from '../../functions/shared/clients.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { manualDecision, nextResend, type ManualDecision } from '../../functions/shared/domain/decision.ts';
import { claimRecord } from '../support/claim-records.ts';

const OPERATOR = 'arn:aws:sts::123456789012:assumed-role/ClaimsOperations/jdoe';
const DECIDED_AT = new Date('2026-03-16T09:00:00.000Z');
const REVIEW_CHANGE = { status: 'REVIEW', at: '2026-03-15T13:30:02.000Z', detail: 'conflicting evidence' } as const;

let aws: LocalAws;
let claims: DynamoClaimRepository;
let seeded = 0;

beforeAll(async () => {
  aws = await startLocalAws();
  Object.assign(process.env, aws.env);
  claims = new DynamoClaimRepository(createDynamoClient({ AWS_ENDPOINT_URL_DYNAMODB: aws.endpoints.dynamodb }), aws.resources.claimsTable);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
});

/** A claim of its own per test, in the given status, as the intake left it and the table holds it. */
async function seed(status: ClaimRecord['status']): Promise<ClaimRecord> {
  seeded += 1;
  const claim = claimRecord({
    reference: `CLM-2026-DEC${String(seeded).padStart(3, '0')}`,
    sesMessageId: `ses-decision-${seeded}`,
    status,
    outcome: status === 'RECEIVED' ? 'FORWARDED' : status,
    route: undefined,
    statusHistory: [claimRecord().statusHistory[0]!, ...(status === 'RECEIVED' ? [] : [{ ...REVIEW_CHANGE, status }])],
  });
  expect(await claims.create(claim, [])).toBe('created');
  // As the table holds it (an empty ledger included).
  return (await claims.get(claim.reference))!;
}

/** A decision as the CLI makes it of a claim it read, here an undecided claim with no message sent. */
const toMai = (why = 'clinic in Phnom Penh, per the member on the phone'): ManualDecision =>
  manualDecision(claimRecord(), { action: 'route', route: 'MAI' }, OPERATOR, why, DECIDED_AT);
const decline = (why = 'treatment before the membership started'): ManualDecision =>
  manualDecision(claimRecord(), { action: 'reject' }, OPERATOR, why, DECIDED_AT);

describe('a decision on a claim waiting for a person', () => {
  it('routes a claim in review: RECEIVED until its forward is sent, with who, why and when', async () => {
    const claim = await seed('REVIEW');

    expect(await claims.recordDecision(claim.reference, toMai())).toBe(true);

    const decided = await claims.get(claim.reference);
    expect(decided).toEqual({
      ...claim,
      status: 'RECEIVED',
      outcome: 'FORWARDED',
      route: 'MAI',
      statusHistory: [
        ...claim.statusHistory,
        { status: 'RECEIVED', at: DECIDED_AT.toISOString(), detail: 'routed to MAI by a person: clinic in Phnom Penh, per the member on the phone' },
      ],
      decisions: [
        {
          action: 'route',
          route: 'MAI',
          sends: { forward: 'forward', reply: 'reply-decision-1' },
          by: OPERATOR,
          why: 'clinic in Phnom Penh, per the member on the phone',
          at: DECIDED_AT.toISOString(),
        },
      ],
    });
  });

  it('declines a claim waiting for information: REJECTED at once', async () => {
    const claim = await seed('NEEDS_INFO');

    expect(await claims.recordDecision(claim.reference, decline())).toBe(true);

    expect(await claims.get(claim.reference)).toMatchObject({
      status: 'REJECTED',
      outcome: 'REJECTED',
      statusHistory: [...claim.statusHistory, { status: 'REJECTED', at: DECIDED_AT.toISOString(), detail: 'declined by a person: treatment before the membership started' }],
      decisions: [{ action: 'reject', sends: { reply: 'reply-rejection-1' }, by: OPERATOR, why: 'treatment before the membership started', at: DECIDED_AT.toISOString() }],
    });
  });
});

describe('a decision on any other claim is refused, and changes nothing', () => {
  it.each(['FORWARDED', 'RECEIVED', 'DUPLICATE', 'IGNORED', 'QUARANTINED'] as const)('on a %s claim', async (status) => {
    const claim = await seed(status);

    expect(await claims.recordDecision(claim.reference, toMai())).toBe(false);
    expect(await claims.recordDecision(claim.reference, decline())).toBe(false);

    expect(await claims.get(claim.reference)).toEqual(claim);
  });

  it('on a claim decided already: the second decision finds it no longer waiting', async () => {
    const claim = await seed('REVIEW');
    expect(await claims.recordDecision(claim.reference, toMai())).toBe(true);

    expect(await claims.recordDecision(claim.reference, decline('second thoughts'))).toBe(false);

    expect((await claims.get(claim.reference))?.decisions).toHaveLength(1);
  });

  it('on a claim that does not exist, without making one', async () => {
    expect(await claims.recordDecision('CLM-2026-NOSUCH', toMai())).toBe(false);
    expect(await claims.get('CLM-2026-NOSUCH')).toBeUndefined();
  });

  it('of two people deciding at once, exactly one is recorded', async () => {
    const claim = await seed('REVIEW');

    const results = await Promise.all([claims.recordDecision(claim.reference, toMai()), claims.recordDecision(claim.reference, decline())]);

    expect(results.filter(Boolean)).toHaveLength(1);
    const decided = await claims.get(claim.reference);
    expect(decided?.decisions).toHaveLength(1);
    expect(decided?.status).toBe(decided?.decisions?.[0]?.action === 'route' ? 'RECEIVED' : 'REJECTED');
  });
});

describe('a resend', () => {
  const SENT = { to: 'contact@medical-administrators.com', messageId: 'ses-forward-1', at: '2026-03-15T13:31:00.000Z' };

  it('of a message sent is recorded with a ledger id of its own, numbered across the claim', async () => {
    const forwarded = await seedWith({ forward: SENT, acknowledgement: { ...SENT, to: 'bill.smith@example.org', messageId: 'ses-reply-1' } });

    const first = nextResend(forwarded, 'forward', OPERATOR, 'MAI lost it', DECIDED_AT);
    expect(await claims.recordResend(forwarded.reference, first)).toBe(true);
    const second = nextResend((await claims.get(forwarded.reference))!, 'acknowledgement', OPERATOR, 'the member changed address', DECIDED_AT);
    expect(await claims.recordResend(forwarded.reference, second)).toBe(true);

    expect((await claims.get(forwarded.reference))?.resends).toEqual([
      { message: 'forward', number: 1, sendId: 'forward-resend-1', by: OPERATOR, why: 'MAI lost it', at: DECIDED_AT.toISOString() },
      { message: 'acknowledgement', number: 2, sendId: 'reply-resend-2', by: OPERATOR, why: 'the member changed address', at: DECIDED_AT.toISOString() },
    ]);
  });

  it('read before another was recorded is refused: two people resending at once make one resend', async () => {
    const forwarded = await seedWith({ forward: SENT });

    const results = await Promise.all([
      claims.recordResend(forwarded.reference, nextResend(forwarded, 'forward', OPERATOR, 'first', DECIDED_AT)),
      claims.recordResend(forwarded.reference, nextResend(forwarded, 'forward', OPERATOR, 'second', DECIDED_AT)),
    ]);

    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await claims.get(forwarded.reference))?.resends).toHaveLength(1);
  });

  it('of a message never sent is refused', async () => {
    const review = await seed('REVIEW');
    expect(await claims.recordResend(review.reference, nextResend(review, 'forward', OPERATOR, 'again', DECIDED_AT))).toBe(false);
    expect(await claims.get(review.reference)).toEqual(review);
  });
});

async function seedWith(changes: Partial<ClaimRecord>): Promise<ClaimRecord> {
  seeded += 1;
  const claim = claimRecord({ reference: `CLM-2026-RES${String(seeded).padStart(3, '0')}`, sesMessageId: `ses-resend-${seeded}`, status: 'FORWARDED', ...changes });
  expect(await claims.create(claim, [])).toBe('created');
  // As the table holds it (an empty ledger included).
  return (await claims.get(claim.reference))!;
}
