import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logSafeError } from './log-safe-error.ts';

/**
 * Handles an SQS batch one record at a time (a claim can be 40 MB; several at once would not
 * fit the function's memory) and reports each failed record alone, so SQS retries it and, after
 * the last attempt, keeps it in the dead-letter queue: nothing is dropped.
 */
export async function handleQueueBatch(
  event: SQSEvent,
  logger: Logger,
  handleBody: (body: string) => Promise<void>,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      await handleBody(record.body);
    } catch (error) {
      logger.error('queue message failed', { queueMessageId: record.messageId, error: logSafeError(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
