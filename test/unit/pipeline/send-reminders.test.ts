import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../functions/shared/domain/claim.ts';
import { DEFAULT_REMINDER_PERIODS } from '../../../functions/shared/domain/reminders.ts';
import { REMINDER_ID, sendReminders, type ReminderDependencies } from '../../../functions/shared/pipeline/send-reminders.ts';
import { claimRecord } from '../../support/claim-records.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';

const REQUESTED_AT = '2026-03-15T13:30:30.000Z';

/** A claim that asked `to` for documents (with a member) or the member number (without), on 15 March. */
function waiting(reference: string, to: string, changes: Partial<ClaimRecord> = {}): ClaimRecord {
  return claimRecord({
    reference,
    sesMessageId: `ses-${reference}`,
    createdAt: '2026-03-15T13:30:00.000Z',
    status: 'NEEDS_INFO',
    outcome: 'NEEDS_INFO',
    treatmentCountry: undefined,
    route: undefined,
    statusHistory: [
      { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
      { status: 'NEEDS_INFO', at: REQUESTED_AT, detail: 'no document attached' },
    ],
    sends: { reply: { kind: 'reply', state: 'sent', attempt: 1, at: REQUESTED_AT, token: 't', to, language: 'en', messageId: 'ses-request', sentAt: REQUESTED_AT } },
    ...changes,
  });
}

let claims: InMemoryClaimRepository;
let mailer: RecordingMailer;
let now: Date;
let dependencies: ReminderDependencies;

beforeEach(() => {
  claims = new InMemoryClaimRepository();
  mailer = new RecordingMailer();
  now = new Date('2026-03-23T07:00:00.000Z');
  dependencies = { claims, waiting: claims, mailer, now: () => now, replyLimitPerDay: 5, periods: DEFAULT_REMINDER_PERIODS };
});

describe('sendReminders', () => {
  it('reminds each claim due once, at the address and in the language of its request, and sends nothing on the next run', async () => {
    await claims.seed(waiting('CLM-2026-7K3F9Q', 'bill.smith@example.org'));
    await claims.seed(waiting('CLM-2026-8A2YF7', 'anna@example.com', { memberId: undefined, sends: { reply: { kind: 'reply', state: 'sent', attempt: 1, at: REQUESTED_AT, token: 't', to: 'anna@example.com', language: 'both', messageId: 'ses-2' } } }));

    expect(await sendReminders(dependencies)).toEqual({ reminded: ['CLM-2026-7K3F9Q', 'CLM-2026-8A2YF7'], reviewed: [] });
    expect(await sendReminders(dependencies)).toEqual({ reminded: [], reviewed: [] });

    expect(mailer.sent.map(({ message, tags }) => [message.to, tags.kind, tags.ledger, message.subject])).toEqual([
      ['bill.smith@example.org', 'reminder', REMINDER_ID, 'Reminder: your claim [CLM-2026-7K3F9Q] is waiting for information'],
      ['anna@example.com', 'reminder', REMINDER_ID, 'Rappel\u00a0: votre demande de remboursement [CLM-2026-8A2YF7] attend des informations / Reminder: your claim [CLM-2026-8A2YF7] is waiting for information'],
    ]);
    expect(mailer.sent[1]?.message.text).toContain('stating your CFE / Cigna member number');
    expect((await claims.get('CLM-2026-7K3F9Q'))?.status).toBe('NEEDS_INFO');
  });

  it('sends a claim to review once the review period has passed, and reminds nothing before the reminder period', async () => {
    await claims.seed(waiting('CLM-2026-7K3F9Q', 'bill.smith@example.org'));
    now = new Date('2026-03-22T13:30:00.000Z');
    expect(await sendReminders(dependencies)).toEqual({ reminded: [], reviewed: [] });

    now = new Date('2026-03-29T13:30:30.000Z');
    expect(await sendReminders(dependencies)).toEqual({ reminded: [], reviewed: ['CLM-2026-7K3F9Q'] });
    const reviewed = await claims.get('CLM-2026-7K3F9Q');
    expect(reviewed).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW' });
    expect(reviewed?.statusHistory.at(-1)).toEqual({ status: 'REVIEW', at: '2026-03-29T13:30:30.000Z', detail: 'no answer to the request for information after 14 days' });
    expect(mailer.sent).toEqual([]);
  });

  it('reminds no one whose request was never sent', async () => {
    await claims.seed(waiting('CLM-2026-7K3F9Q', 'bill.smith@example.org', { sends: {} }));
    expect(await sendReminders(dependencies)).toEqual({ reminded: [], reviewed: [] });
    expect(mailer.sent).toEqual([]);
  });
});
