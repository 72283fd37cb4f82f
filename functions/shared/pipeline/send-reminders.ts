import type { ClaimRecord } from '../domain/claim.ts';
import { ledgerEntry } from '../domain/ledger.ts';
import { recordedBeforeReminder, reminderDue, type ReminderPeriods } from '../domain/reminders.ts';
import { composeMemberReply } from '../templates/index.ts';
import { sendOnce, type SendOnceDependencies } from './send-once.ts';
import { summarizeClaim } from './summarize-claim.ts';

/** The reminder's id in the claim's ledger: one per claim, whatever the runs. */
export const REMINDER_ID = 'reply-reminder-1';

export interface ReminderDependencies extends SendOnceDependencies {
  /** Claims waiting for information recorded before a time: the only claims a run reads. */
  readonly waiting: { waitingForInformation(createdBefore: string): AsyncIterable<ClaimRecord> };
  readonly periods: ReminderPeriods;
}

export interface RemindersRun {
  /** References of the claims reminded, and of those sent to review. */
  readonly reminded: readonly string[];
  readonly reviewed: readonly string[];
}

/**
 * One run over the claims waiting for information: those due a reminder get it, once (sendOnce,
 * within the reply limit), at the address the request went to and in its language; those waiting
 * past the review period go to review with why. Run again, it sends nothing twice.
 */
export async function sendReminders(dependencies: ReminderDependencies): Promise<RemindersRun> {
  const now = dependencies.now();
  const reminded: string[] = [];
  const reviewed: string[] = [];
  for await (const claim of dependencies.waiting.waitingForInformation(recordedBeforeReminder(now, dependencies.periods))) {
    const due = reminderDue(claim, now, dependencies.periods, ledgerEntry(claim, REMINDER_ID) !== undefined);
    if (due?.action === 'review') {
      await dependencies.claims.holdForReview(claim.reference, { at: now.toISOString(), reason: due.reason });
      reviewed.push(claim.reference);
    } else if (due?.action === 'remind' && (await remind(claim, dependencies))) {
      reminded.push(claim.reference);
    }
  }
  return { reminded, reviewed };
}

/** Sends the claim's reminder to whoever its request went to; false when it was not sent (no request sent, or the reply limit). */
async function remind(claim: ClaimRecord, dependencies: ReminderDependencies): Promise<boolean> {
  const request = ledgerEntry(claim, 'reply');
  if (request?.state !== 'sent') return false;
  const language = request.language ?? 'both';
  const compose = async () =>
    composeMemberReply({
      kind: 'reminder',
      // A claim without a member was asked for the member number; one with a member, for documents.
      missing: claim.memberId ? 'documents' : 'member-number',
      summary: summarizeClaim(claim, undefined),
      to: request.to,
      language,
      administrators: {},
    });
  const after = await sendOnce(claim, { id: REMINDER_ID, kind: 'reply', messageKind: 'reminder', to: request.to, language, compose }, dependencies);
  return ledgerEntry(after, REMINDER_ID)?.state === 'sent';
}
