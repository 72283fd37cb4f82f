import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PERIODS, reminderDue } from '../../../functions/shared/domain/reminders.ts';
import { claimRecord } from '../../support/claim-records.ts';

/** Asked for documents on 15 March at 13:30:30, asked again on the 17th at 09:00. */
const waiting = claimRecord({
  status: 'NEEDS_INFO',
  outcome: 'NEEDS_INFO',
  statusHistory: [
    { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
    { status: 'NEEDS_INFO', at: '2026-03-15T13:30:30.000Z', detail: 'no document attached' },
    { status: 'NEEDS_INFO', at: '2026-03-17T09:00:00.000Z', detail: 'information still missing: asked again' },
  ],
});
const at = (iso: string) => new Date(iso);

describe('reminderDue', () => {
  it('is nothing until 7 days after the latest request', () => {
    expect(reminderDue(waiting, at('2026-03-24T08:59:59.999Z'), DEFAULT_REMINDER_PERIODS, false)).toBeUndefined();
  });

  it('is one reminder from 7 days after it, and nothing once it was sent', () => {
    expect(reminderDue(waiting, at('2026-03-24T09:00:00.000Z'), DEFAULT_REMINDER_PERIODS, false)).toEqual({ action: 'remind' });
    expect(reminderDue(waiting, at('2026-03-30T09:00:00.000Z'), DEFAULT_REMINDER_PERIODS, true)).toBeUndefined();
  });

  it('is review from 14 days after it, reminded or not', () => {
    const review = { action: 'review', reason: 'no answer to the request for information after 14 days' };
    expect(reminderDue(waiting, at('2026-03-31T09:00:00.000Z'), DEFAULT_REMINDER_PERIODS, true)).toEqual(review);
    expect(reminderDue(waiting, at('2026-04-30T09:00:00.000Z'), DEFAULT_REMINDER_PERIODS, false)).toEqual(review);
  });

  it('follows the periods it is given', () => {
    expect(reminderDue(waiting, at('2026-03-19T09:00:00.000Z'), { remindAfterDays: 2, reviewAfterDays: 3 }, false)).toEqual({ action: 'remind' });
    expect(reminderDue(waiting, at('2026-03-20T09:00:00.000Z'), { remindAfterDays: 2, reviewAfterDays: 3 }, true)).toMatchObject({ action: 'review' });
  });

  it('is nothing for a claim that no longer waits', () => {
    expect(reminderDue({ ...waiting, status: 'FORWARDED' }, at('2026-05-01T00:00:00.000Z'), DEFAULT_REMINDER_PERIODS, false)).toBeUndefined();
  });
});
