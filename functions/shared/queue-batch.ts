import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { Deadline } from './domain/deadline.ts';
import { sesSetupNotificationKind } from './events/ses-setup-notification.ts';
import { logSafeError } from './log-safe-error.ts';

export interface QueueBatchTiming {
  /** The invocation's time left when the batch arrives: `context.getRemainingTimeInMillis()`. */
  readonly remainingTimeMs: number;
  /** Kept back from the records' deadline for the work that follows it (a started send, the response). */
  readonly reserveMs: number;
  /** Least time a record needs: with less left, it and the records after it are not started. */
  readonly startMarginMs: number;
  /**
   * Milliseconds clock the deadline is read from.
   * @default performance.now
   */
  readonly clock?: () => number;
}

/**
 * Handles an SQS batch one record at a time (a claim can be 40 MB; several at once would not
 * fit the function's memory) and reports each failed record alone, so SQS retries it and, after
 * the last attempt, keeps it in the dead-letter queue: nothing is dropped but what SES publishes
 * about a topic itself when it is set up, which is no message (one log line). Each record gets the
 * deadline of the invocation's time left; when too little is left to start the next record, it
 * and the rest are reported failed without being started, and return to the queue alone instead
 * of the whole batch with a timeout.
 */
export async function handleQueueBatch(
  event: SQSEvent,
  logger: Logger,
  timing: QueueBatchTiming,
  handleBody: (body: string, deadline: Deadline) => Promise<void>,
): Promise<SQSBatchResponse> {
  const deadline = Deadline.in(timing.remainingTimeMs - timing.reserveMs, timing.clock);
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const [index, record] of event.Records.entries()) {
    if (deadline.remainingMs() < timing.startMarginMs) {
      const unstarted = event.Records.slice(index);
      logger.warn('queue messages returned unstarted: too little time left', {
        queueMessageIds: unstarted.map((message) => message.messageId),
        remainingMs: Math.round(deadline.remainingMs()),
      });
      batchItemFailures.push(...unstarted.map((message) => ({ itemIdentifier: message.messageId })));
      break;
    }
    const setup = sesSetupNotificationKind(record.body);
    if (setup) {
      logger.info('SES setup notification dropped', { kind: setup });
      continue;
    }
    try {
      await handleBody(record.body, deadline);
    } catch (error) {
      logger.error('queue message failed', { queueMessageId: record.messageId, error: logSafeError(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
