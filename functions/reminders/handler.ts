import { DynamoClaimRepository } from '../shared/adapters/dynamo-claim-repository.ts';
import { SesMailer } from '../shared/adapters/ses-mailer.ts';
import { createDynamoClient, createSesClient } from '../shared/clients.ts';
import { parseRemindersConfig } from '../shared/config.ts';
import { createObservability, traceClients } from '../shared/observability.ts';
import { sendReminders, type ReminderDependencies, type RemindersRun } from '../shared/pipeline/send-reminders.ts';

const config = parseRemindersConfig(process.env);
const { logger, tracer } = createObservability('claims-reminders');
const { dynamo, ses } = traceClients(tracer, { dynamo: createDynamoClient(config), ses: createSesClient(config) });
const claims = new DynamoClaimRepository(dynamo, config.CLAIMS_TABLE);
const dependencies: ReminderDependencies = {
  claims,
  waiting: claims,
  mailer: new SesMailer(ses, config.SENDER_ADDRESS, config.SES_CONFIGURATION_SET),
  now: () => new Date(),
  replyLimitPerDay: config.REPLY_LIMIT_PER_DAY,
  periods: { remindAfterDays: config.REMINDER_AFTER_DAYS, reviewAfterDays: config.REVIEW_AFTER_DAYS },
};

/**
 * The daily run (an EventBridge rule): reminds the claims waiting for information that are due
 * it, and sends to review those waiting too long. A failed run is retried by EventBridge, and a
 * retry sends nothing twice.
 */
export async function handler(): Promise<RemindersRun> {
  const run = await sendReminders(dependencies);
  logger.info('reminders run', { reminded: run.reminded.length, reviewed: run.reviewed.length });
  return run;
}
