import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { createAwsClients } from '../../functions/shared/clients.ts';
import type { ClaimContinuation, ConversationMessage } from '../../functions/shared/domain/claim.ts';
import { claimRecord } from '../support/claim-records.ts';

let aws: LocalAws;
let claims: DynamoClaimRepository;

beforeAll(async () => {
  aws = await startLocalAws();
  claims = new DynamoClaimRepository(createAwsClients({ AWS_ENDPOINT_URL_DYNAMODB: aws.endpoints.dynamodb }).dynamo, aws.resources.claimsTable);
  Object.assign(process.env, aws.env);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
});

/** Bill's claim waiting for his documents, recorded at `createdAt`. */
const waiting = (reference: string, createdAt: string) =>
  claimRecord({
    reference,
    sesMessageId: `ses-${reference}`,
    createdAt,
    status: 'NEEDS_INFO',
    outcome: 'NEEDS_INFO',
    treatmentCountry: undefined,
    route: undefined,
    evidence: [],
    statusHistory: [
      { status: 'RECEIVED', at: createdAt },
      { status: 'NEEDS_INFO', at: createdAt, detail: 'no document attached' },
    ],
  });

/** The claim as the table holds it. */
async function recorded(reference: string) {
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`no claim ${reference}`);
  return claim;
}

const reply = (sesMessageId: string): ConversationMessage => ({
  sesMessageId,
  receivedAt: '2026-03-16T09:00:00.000Z',
  rawMessage: { bucket: 'claims-bucket', key: `incoming/${sesMessageId}` },
  joinedBy: 'header',
  from: 'member',
  outcome: 'information received',
  documents: 1,
  answered: true,
});

const answer: ClaimContinuation = {
  from: 'NEEDS_INFO',
  status: 'RECEIVED',
  outcome: 'FORWARDED',
  memberId: '52093817',
  treatmentCountry: 'KH',
  route: 'MAI',
  reasons: ['treatment location KH, routed to MAI'],
  statusChanges: [{ status: 'RECEIVED', at: '2026-03-16T09:00:01.000Z', detail: 'information received', step: 'information-received' }],
  documents: [{ filename: 'invoice.pdf', type: 'pdf', size: 10, sha256: 'a'.repeat(64), s3Key: 'documents/CLM-2026-7K3F9Q/ses-reply/1-invoice.pdf', textRead: true }],
  evidence: [{ country: 'KH', strength: 'medium', reason: 'phone number with country code +855 (KH)', source: 'invoice.pdf' }],
  invoices: [],
  newDocumentHashes: ['a'.repeat(64)],
};

describe('the claims table records a conversation', () => {
  it('records a message on the claim it joined with what it changes, once, and finds the claim by the message', async () => {
    await claims.create(waiting('CLM-2026-7K3F9Q', '2026-03-15T13:30:00.000Z'), []);
    const claim = await recorded('CLM-2026-7K3F9Q');

    expect(await claims.recordJoinedMessage(claim.reference, reply('ses-reply'), answer)).toBe('recorded');
    expect(await claims.recordJoinedMessage(claim.reference, reply('ses-reply'), answer)).toBe('message-already-recorded');

    expect(await claims.findByMessageId('ses-reply')).toEqual({
      ...claim,
      status: 'RECEIVED',
      outcome: 'FORWARDED',
      treatmentCountry: 'KH',
      route: 'MAI',
      reasons: [...claim.reasons, 'treatment location KH, routed to MAI'],
      statusHistory: [...claim.statusHistory, ...answer.statusChanges],
      documents: answer.documents,
      evidence: answer.evidence,
      invoices: [],
      conversation: [reply('ses-reply')],
    });
    expect(await claims.findClaimedDocuments('52093817', ['a'.repeat(64)])).toEqual(new Map([['a'.repeat(64), claim.reference]]));
  });

  it('writes nothing when the claim left the status the continuation was read from', async () => {
    const claim = waiting('CLM-2026-8A2YF7', '2026-03-15T13:30:00.000Z');
    await claims.create(claim, []);
    await claims.holdForReview(claim.reference, { at: '2026-03-16T08:00:00.000Z', reason: 'a person took it' });

    expect(await claims.recordJoinedMessage(claim.reference, reply('ses-late-reply'), answer)).toBe('claim-changed');
    expect(await claims.findByMessageId('ses-late-reply')).toBeUndefined();
    expect((await claims.get(claim.reference))?.conversation).toBeUndefined();
  });

  it('records an automatic reply on its claim and changes nothing else', async () => {
    await claims.create(waiting('CLM-2026-9RJJ46', '2026-03-15T13:30:00.000Z'), []);
    const claim = await recorded('CLM-2026-9RJJ46');
    const automatic: ConversationMessage = { ...reply('ses-out-of-office'), from: 'automatic', outcome: 'not answered: out-of-office reply (subject)', documents: 0, answered: undefined };
    const { answered: _none, ...withoutAnswer } = automatic;

    expect(await claims.recordJoinedMessage(claim.reference, withoutAnswer)).toBe('recorded');
    expect(await claims.get(claim.reference)).toEqual({ ...claim, conversation: [withoutAnswer] });
  });

  it('lists the claims still waiting for information that were recorded before a time, each read whole', async () => {
    await claims.create(waiting('CLM-2026-HWRAZ8', '2026-03-01T10:00:00.000Z'), []);
    await claims.create(waiting('CLM-2026-WX9ZQN', '2026-03-20T10:00:00.000Z'), []);

    const found: string[] = [];
    for await (const claim of claims.waitingForInformation('2026-03-16T00:00:00.000Z')) found.push(claim.reference);

    // CLM-2026-7K3F9Q was answered and CLM-2026-8A2YF7 went to review; CLM-2026-WX9ZQN came after.
    expect(found).toEqual(['CLM-2026-HWRAZ8', 'CLM-2026-9RJJ46']);
  });
});
