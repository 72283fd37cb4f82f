import type { ClaimRecord } from './claim.ts';

/** When a claim waiting for information is reminded of, then given to a person; both from the latest request. */
export interface ReminderPeriods {
  /** Days after the request for information before the one reminder. */
  readonly remindAfterDays: number;
  /** Days after the request for information before the claim goes to review. */
  readonly reviewAfterDays: number;
}

/**
 * A week is long enough for a member abroad to find an invoice, short enough that they still
 * remember the claim; a second week without an answer means the claim needs a person.
 */
export const DEFAULT_REMINDER_PERIODS: ReminderPeriods = { remindAfterDays: 7, reviewAfterDays: 14 };

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReminderDue = { readonly action: 'remind' } | { readonly action: 'review'; readonly reason: string };

/**
 * The claims a run reads: those recorded before the reminder period, since a claim cannot have
 * asked for information before it was recorded.
 */
export function recordedBeforeReminder(now: Date, periods: ReminderPeriods): string {
  return new Date(now.getTime() - periods.remindAfterDays * DAY_MS).toISOString();
}

/** When the claim last asked for information: its latest NEEDS_INFO status change. */
export function requestedAt(claim: ClaimRecord): string | undefined {
  return claim.statusHistory.findLast((change) => change.status === 'NEEDS_INFO')?.at;
}

/**
 * What a claim still waiting for information is due: one reminder once `remindAfterDays` have
 * passed since the request (`reminded` says it was sent), review once `reviewAfterDays` have.
 */
export function reminderDue(claim: ClaimRecord, now: Date, periods: ReminderPeriods, reminded: boolean): ReminderDue | undefined {
  const since = requestedAt(claim);
  if (claim.status !== 'NEEDS_INFO' || since === undefined) return undefined;
  const waitedMs = now.getTime() - Date.parse(since);
  if (waitedMs >= periods.reviewAfterDays * DAY_MS) {
    return { action: 'review', reason: `no answer to the request for information after ${periods.reviewAfterDays} days` };
  }
  return waitedMs >= periods.remindAfterDays * DAY_MS && !reminded ? { action: 'remind' } : undefined;
}
