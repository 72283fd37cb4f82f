import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { createAwsClients } from '../../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../../functions/shared/config.ts';
import type { ClaimRecord, CreateClaimResult } from '../../../functions/shared/domain/claim.ts';
import { Deadline, DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';
import type { ReceivedMessage } from '../../../functions/shared/events/ses-receipt.ts';
import { createIntakeDependencies, processReceivedMessage, type IntakeDependencies } from '../../../functions/shared/pipeline/process-message.ts';
import { PASSING_VERDICTS, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { InMemoryMessageStore } from '../../support/in-memory-message-store.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';

const config = parseIntakeConfig({
  CLAIMS_BUCKET: 'claims',
  MEMBERS_TABLE: 'members',
  CLAIMS_TABLE: 'claims',
  SENDER_ADDRESS: 'claims@claims.example.org',
  INTAKE_ADDRESSES: 'claims@claims.example.org,fax@claims.example.org',
  AWS_REGION: 'eu-west-1',
});
// The clients are created but never called: every dependency that would call them is replaced.
const deployed = createIntakeDependencies(config, createAwsClients(config));

const received: ReceivedMessage = {
  sesMessageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
  receivedAt: new Date('2026-03-15T13:30:00.000Z'),
  envelopeSender: 'john.carter@example.com',
  recipients: ['claims@claims.example.org'],
  verdicts: PASSING_VERDICTS,
  bucket: 'claims',
  objectKey: 'incoming/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
};

/** Time as the steps spend it: the test says how long reading the message and recording the claim take. */
let now: number;
let spent: { readMessage: number; record: number };

class TimedStore extends InMemoryMessageStore {
  override async openRaw(): Promise<Readable> {
    now += spent.readMessage;
    return Readable.from([await readFile(path.resolve('test/fixtures/claims/en-boston-bill.eml'))]);
  }
}

class TimedClaims extends InMemoryClaimRepository {
  override async create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult> {
    now += spent.record;
    return super.create(claim, newDocumentHashes);
  }
}

let claims: TimedClaims;
let mailer: RecordingMailer;
let dependencies: IntakeDependencies;

beforeEach(() => {
  now = 0;
  spent = { readMessage: 0, record: 0 };
  claims = new TimedClaims();
  mailer = new RecordingMailer();
  dependencies = { ...deployed, directory: new InMemoryMemberDirectory(SAMPLE_MEMBERS), claims, store: new TimedStore(), mailer };
});

const deadlineIn = (milliseconds: number) => Deadline.in(milliseconds, () => now);

describe('processReceivedMessage within its deadline', () => {
  it('records, forwards and acknowledges a claim that has the time', async () => {
    const claim = await processReceivedMessage(received, dependencies, deadlineIn(30_000));

    expect(claim.status).toBe('FORWARDED');
    expect(mailer.sent.map((sent) => sent.tags.kind)).toEqual(['forward', 'acknowledged']);
  });

  it('stops before reading the documents of a claim whose deadline passed while its message was read: nothing recorded, nothing sent', async () => {
    spent.readMessage = 31_000;

    const processing = processReceivedMessage(received, dependencies, deadlineIn(30_000));

    await expect(processing).rejects.toThrow(new DeadlineExceededError('reading the documents'));
    expect(claims.size).toBe(0);
    expect(mailer.sent).toEqual([]);
  });

  it('stops before forwarding a claim whose deadline passed while it was recorded; its next delivery forwards it once', async () => {
    spent.record = 31_000;

    await expect(processReceivedMessage(received, dependencies, deadlineIn(30_000))).rejects.toBeInstanceOf(DeadlineExceededError);
    expect((await claims.findByMessageId(received.sesMessageId))?.status).toBe('RECEIVED');
    expect(mailer.sent).toEqual([]);

    spent.record = 0;
    const retried = await processReceivedMessage(received, dependencies, deadlineIn(30_000));

    expect(retried.status).toBe('FORWARDED');
    expect(claims.size).toBe(1);
    expect(mailer.sent.map((sent) => sent.tags.kind)).toEqual(['forward', 'acknowledged']);
  });
});
