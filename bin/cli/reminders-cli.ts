import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Command } from 'commander';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { SesMailer } from '../../functions/shared/adapters/ses-mailer.ts';
import { DEFAULT_REPLY_LIMIT_PER_DAY } from '../../functions/shared/config.ts';
import { DEFAULT_REMINDER_PERIODS } from '../../functions/shared/domain/reminders.ts';
import { sendReminders, type RemindersRun } from '../../functions/shared/pipeline/send-reminders.ts';
import { localClientConfig } from '../local/client-config.ts';
import { LOCAL_CLAIMS_DOMAIN } from '../local/intake-environment.ts';
import { describe } from './program.ts';
import { withTarget, withTargetOptions, type TargetOptions } from './target.ts';
import { UsageError } from './usage-error.ts';

interface RunOptions extends TargetOptions {
  readonly at?: Date;
}

function dateTime(text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`bad --at "${text}": expected a date and time such as 2026-12-15T08:00:00Z`);
  return at;
}

/** The lines a run prints: a claim per line, what it was due. */
export function remindersRunLines(run: RemindersRun): string[] {
  const lines = [...run.reminded.map((reference) => `${reference}  reminded`), ...run.reviewed.map((reference) => `${reference}  sent to review`)];
  return lines.length > 0 ? lines : ['No claim was due a reminder or review.'];
}

/** `reminders run --local`: the deployed daily run's code, run now on the local stack. */
async function runLocally(options: RunOptions): Promise<RemindersRun> {
  if (!options.local) {
    throw new UsageError('reminders run works on the local stack (--local): the deployed stack runs its Reminders function every day');
  }
  return withTarget(options, async ({ dynamo, claimsTable, local }) => {
    if (!local) throw new Error('reminders run needs the local stack');
    const ses = new SESv2Client(localClientConfig(local.endpoints.ses, local.region));
    try {
      const claims = new DynamoClaimRepository(dynamo, claimsTable);
      const now = options.at ?? new Date();
      return await sendReminders({
        claims,
        waiting: claims,
        mailer: new SesMailer(ses, `claims@${LOCAL_CLAIMS_DOMAIN}`),
        now: () => now,
        replyLimitPerDay: DEFAULT_REPLY_LIMIT_PER_DAY,
        periods: DEFAULT_REMINDER_PERIODS,
      });
    } finally {
      ses.destroy();
    }
  });
}

export function addRemindersCommands(program: Command): void {
  const reminders = describe(program.command('reminders'), 'Remind members of requests for information still unanswered.', ['reminders run --local']);
  withTargetOptions(
    describe(
      reminders.command('run'),
      'Run the daily reminders now on the local stack: one reminder a week after a request for information, review after two.',
      ['reminders run --local', 'reminders run --local --at 2026-12-15T08:00:00Z'],
      'The same code as the deployed Reminders function. --at runs it as if it were then, to see what a later day does.',
    ).option('--at <date-time>', 'run as if it were then (ISO 8601)', dateTime),
  ).action(async (options: RunOptions) => {
    console.log(remindersRunLines(await runLocally(options)).join('\n'));
  });
}
