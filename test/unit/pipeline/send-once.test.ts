import { MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { beforeEach, describe, expect, it } from 'vitest';
import { SendPendingError } from '../../../functions/shared/adapters/classify-failure.ts';
import type { Mailer } from '../../../functions/shared/adapters/ses-mailer.ts';
import type { ClaimRecord } from '../../../functions/shared/domain/claim.ts';
import { confirmAttempt, RESEND_AFTER_MS, sendOnce, type Outgoing, type SendOnceDependencies } from '../../../functions/shared/pipeline/send-once.ts';
import type { OutgoingMessage } from '../../../functions/shared/templates/index.ts';
import { claimRecord, NOW, REFERENCE } from '../../support/claim-records.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';

const MAI = 'contact@medical-administrators.com';
const BILL = 'bill.smith@example.org';
const message = (to: string): OutgoingMessage => ({ to, subject: `Claim ${REFERENCE}`, text: 'text', html: '<p>html</p>', attachments: [] });
const forward: Outgoing = { id: 'forward', kind: 'forward', messageKind: 'forward', to: MAI, onSent: { status: 'FORWARDED', detail: 'to MAI' }, compose: async () => message(MAI) };
const reply = (to = BILL): Outgoing => ({ id: 'reply', kind: 'reply', messageKind: 'acknowledged', to, language: 'en', compose: async () => message(to) });

/** SES's own errors as the SDK throws them. */
const throttled = () => new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } });
const rejected = () => new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } });
const timedOut = () => Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError', $metadata: {} });

/** Sends as the recording mailer does, after failing the first sends with the given errors. */
class FailingMailer extends RecordingMailer {
  constructor(private readonly failures: (() => Error)[]) {
    super();
  }

  override async send(outgoing: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    const failure = this.failures.shift();
    if (failure) throw failure();
    return super.send(outgoing, tags);
  }
}

/** SES took the message, then the answer was lost: it is in the outbox, the sender saw a timeout. */
class LostAnswerMailer extends RecordingMailer {
  override async send(outgoing: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    await super.send(outgoing, tags);
    throw timedOut();
  }
}

let claims: InMemoryClaimRepository;
let clock: Date;
let claim: ClaimRecord;
const dependencies = (mailer: Mailer, changes: Partial<SendOnceDependencies> = {}): SendOnceDependencies => ({
  claims,
  mailer,
  now: () => clock,
  replyLimitPerDay: 5,
  ...changes,
});

beforeEach(async () => {
  claims = new InMemoryClaimRepository();
  clock = NOW;
  claim = await claims.seed(claimRecord());
});

describe('sendOnce', () => {
  it('claims the attempt before sending and marks it sent with the message id after', async () => {
    const mailer = new RecordingMailer();
    const sent = await sendOnce(claim, forward, dependencies(mailer));

    expect(mailer.sent.map(({ tags }) => tags)).toEqual([{ claimReference: REFERENCE, kind: 'forward', ledger: 'forward', attempt: '1' }]);
    expect(sent.sends?.forward).toEqual({
      kind: 'forward',
      state: 'sent',
      attempt: 1,
      at: NOW.toISOString(),
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      to: MAI,
      onSent: { status: 'FORWARDED', detail: 'to MAI' },
      messageId: '<sent-1@mailer.test>',
      sentAt: NOW.toISOString(),
    });
    expect(sent).toMatchObject({ status: 'FORWARDED', forward: { to: MAI, messageId: '<sent-1@mailer.test>', at: NOW.toISOString() } });
    expect(await claims.get(REFERENCE)).toEqual(sent);
  });

  it('sends nothing again once sent', async () => {
    const mailer = new RecordingMailer();
    const sent = await sendOnce(claim, forward, dependencies(mailer));

    expect(await sendOnce(sent, forward, dependencies(mailer))).toBe(sent);
    expect(mailer.sent).toHaveLength(1);
  });

  describe('an attempt whose answer was lost', () => {
    let inDoubt: ClaimRecord;
    beforeEach(async () => {
      await expect(sendOnce(claim, forward, dependencies(new LostAnswerMailer()))).rejects.toThrow('Connection timed out');
      inDoubt = (await claims.get(REFERENCE)) as ClaimRecord;
    });

    it('stays claimed, in doubt', () => {
      expect(inDoubt.sends?.forward).toMatchObject({ state: 'sending', attempt: 1 });
      expect(inDoubt.forward).toBeUndefined();
      expect(inDoubt.status).toBe('RECEIVED');
    });

    it('is not sent again before the resend delay, whatever the number of tries', async () => {
      const mailer = new RecordingMailer();
      clock = new Date(NOW.getTime() + RESEND_AFTER_MS - 1);
      await expect(sendOnce(inDoubt, forward, dependencies(mailer))).rejects.toBeInstanceOf(SendPendingError);
      await expect(sendOnce(inDoubt, forward, dependencies(mailer))).rejects.toBeInstanceOf(SendPendingError);
      expect(mailer.sent).toEqual([]);
    });

    it("is taken as sent when SES's events name the attempt, with SES's message id", async () => {
      const mailer = new RecordingMailer();
      const event = { type: 'SEND', at: '2026-03-15T13:31:02.000Z', detail: 'forward', send: { id: 'forward', attempt: 1, messageId: '0102018c-ses-id' } } as const;
      await claims.recordDeliveryEvent(REFERENCE, event);

      const sent = await sendOnce((await claims.get(REFERENCE)) as ClaimRecord, forward, dependencies(mailer));

      expect(mailer.sent).toEqual([]);
      expect(sent).toMatchObject({
        status: 'FORWARDED',
        forward: { to: MAI, messageId: '0102018c-ses-id', at: '2026-03-15T13:31:02.000Z' },
        sends: { forward: { state: 'sent', attempt: 1, messageId: '0102018c-ses-id' } },
      });
    });

    it('ignores events of another attempt', async () => {
      const event = { type: 'DELIVERY', at: '2026-03-15T13:31:02.000Z', send: { id: 'forward', attempt: 2, messageId: 'other' } } as const;
      await claims.recordDeliveryEvent(REFERENCE, event);
      const withEvent = (await claims.get(REFERENCE)) as ClaimRecord;

      expect(await confirmAttempt(claims, withEvent, event)).toBe(false);
      expect(await claims.get(REFERENCE)).toEqual(withEvent);
      await expect(sendOnce(withEvent, forward, dependencies(new RecordingMailer()))).rejects.toBeInstanceOf(SendPendingError);
    });

    it('is sent again after the resend delay, recorded as attempt 2 with why', async () => {
      const mailer = new RecordingMailer();
      clock = new Date(NOW.getTime() + RESEND_AFTER_MS);

      const sent = await sendOnce(inDoubt, forward, dependencies(mailer));

      expect(mailer.sent.map(({ tags }) => tags.attempt)).toEqual(['2']);
      const reason = 'forward resent as attempt 2: attempt 1 had no result after 16 minutes';
      expect(sent.sends?.forward).toMatchObject({ state: 'sent', attempt: 2, at: clock.toISOString(), reason, messageId: '<sent-1@mailer.test>' });
      expect(sent.reasons.at(-1)).toBe(reason);
      expect(sent.statusHistory.map(({ status }) => status)).toEqual(['RECEIVED', 'FORWARDED']);
    });
  });

  it('sends again at once, as attempt 2 and no resend, what SES throttled', async () => {
    await expect(sendOnce(claim, forward, dependencies(new FailingMailer([throttled])))).rejects.toBeInstanceOf(TooManyRequestsException);
    const unsent = (await claims.get(REFERENCE)) as ClaimRecord;
    expect(unsent.sends?.forward).toMatchObject({ state: 'unsent', attempt: 1, reason: 'TooManyRequestsException (429)' });

    const mailer = new RecordingMailer();
    const sent = await sendOnce(unsent, forward, dependencies(mailer));

    expect(mailer.sent).toHaveLength(1);
    expect(sent.sends?.forward).toMatchObject({ state: 'sent', attempt: 2 });
    expect(sent.sends?.forward?.reason).toBeUndefined();
    expect(sent.reasons).toEqual(claim.reasons);
  });

  it('holds for review, without a retry, a forward SES refuses', async () => {
    const mailer = new FailingMailer([rejected]);
    const failed = await sendOnce(claim, forward, dependencies(mailer));

    const reason = 'the forward was not sent: SES refused the message (MessageRejected)';
    expect(failed).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', sends: { forward: { state: 'failed', attempt: 1, reason } } });
    expect(failed.reasons.at(-1)).toBe(reason);
    expect(failed.statusHistory.at(-1)).toEqual({ status: 'REVIEW', at: NOW.toISOString(), detail: reason });
    expect(await sendOnce(failed, forward, dependencies(mailer))).toBe(failed);
    expect(mailer.sent).toEqual([]);
  });

  it('lets one of two concurrent deliveries send; the other goes back to the queue', async () => {
    const mailer = new RecordingMailer();
    const results = await Promise.allSettled([sendOnce(claim, forward, dependencies(mailer)), sendOnce(claim, forward, dependencies(mailer))]);

    expect(results.map(({ status }) => status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(SendPendingError) });
    expect(mailer.sent).toHaveLength(1);
  });

  describe('the reply limit', () => {
    const claimNumber = async (index: number) =>
      claims.seed(claimRecord({ reference: `CLM-2026-LIMIT${index}`, sesMessageId: `ses-limit-${index}` }));

    it('sends at most the limit of replies a day to one address, then records the claim without a reply, saying so', async () => {
      const mailer = new RecordingMailer();
      const replied = [];
      for (let index = 0; index < 6; index += 1) replied.push(await sendOnce(await claimNumber(index), reply(), dependencies(mailer)));

      expect(mailer.sent).toHaveLength(5);
      const withheld = replied[5] as ClaimRecord;
      const reason = 'no reply sent: its address had the 5 replies a day it may receive';
      expect(withheld.sends?.reply).toMatchObject({ state: 'withheld', attempt: 1, to: BILL, reason });
      expect(withheld.acknowledgement).toBeUndefined();
      expect(withheld.reasons.at(-1)).toBe(reason);
      expect(await sendOnce(withheld, reply(), dependencies(mailer))).toBe(withheld);
      expect(mailer.sent).toHaveLength(5);
    });

    it('counts an address whatever its case, per UTC day', async () => {
      const mailer = new RecordingMailer();
      for (let index = 0; index < 5; index += 1) await sendOnce(await claimNumber(index), reply(index % 2 ? BILL.toUpperCase() : BILL), dependencies(mailer));
      expect((await sendOnce(await claimNumber(5), reply(), dependencies(mailer))).sends?.reply?.state).toBe('withheld');

      clock = new Date('2026-03-16T00:00:00.000Z');
      expect((await sendOnce(await claimNumber(6), reply(), dependencies(mailer))).sends?.reply?.state).toBe('sent');
      expect(mailer.sent).toHaveLength(6);
    });

    it('counts a reply once, however many times it is tried', async () => {
      const mailer = new FailingMailer([throttled, throttled]);
      const first = await claimNumber(0);
      await expect(sendOnce(first, reply(), dependencies(mailer))).rejects.toThrow();
      await expect(sendOnce((await claims.get(first.reference)) as ClaimRecord, reply(), dependencies(mailer))).rejects.toThrow();
      await sendOnce((await claims.get(first.reference)) as ClaimRecord, reply(), dependencies(mailer));

      expect([...claims.replyCounts.values()]).toEqual([1]);
    });

    it('never limits forwards to the administrators', async () => {
      const mailer = new RecordingMailer();
      for (let index = 0; index < 7; index += 1) await sendOnce(await claimNumber(index), forward, dependencies(mailer, { replyLimitPerDay: 1 }));
      expect(mailer.sent).toHaveLength(7);
      expect(claims.replyCounts.size).toBe(0);
    });
  });
});
