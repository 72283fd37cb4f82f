import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createAwsClients } from '../shared/clients.ts';
import { parseIntakeConfig } from '../shared/config.ts';
import { InvalidNotificationError, parseQueuedSesNotification } from '../shared/events/ses-receipt.ts';
import { createIntakeDependencies, processReceivedMessage } from '../shared/pipeline/process-message.ts';

const config = parseIntakeConfig(process.env);
const dependencies = createIntakeDependencies(config, createAwsClients(config));
const logger = new Logger({ serviceName: 'claims-intake' });

/**
 * SQS batch of SES receipt notifications. A message that fails is reported alone, so SQS retries
 * it and, after the last attempt, keeps it in the dead-letter queue: nothing is dropped.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      const claim = await processReceivedMessage(parseQueuedSesNotification(record.body), dependencies);
      logger.info('message processed', {
        reference: claim.reference,
        status: claim.status,
        outcome: claim.outcome,
        route: claim.route,
        channel: claim.channel,
        documents: claim.documents.length,
        treatmentCountry: claim.treatmentCountry,
      });
    } catch (error) {
      logger.error('message failed', { queueMessageId: record.messageId, error: describeError(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

/**
 * Most error messages can quote what a sender wrote, so only the error's class and where it was
 * thrown are logged; a notification error names fields, never values.
 */
function describeError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { name: 'UnknownError' };
  if (error instanceof InvalidNotificationError) return { name: error.name, message: error.message };
  return { name: error.name, at: error.stack?.split('\n').slice(1, 6).join(' | ').trim() ?? '' };
}
