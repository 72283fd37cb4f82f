import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoClaimRepository } from '../shared/adapters/dynamo-claim-repository.ts';
import { createDynamoClient } from '../shared/clients.ts';
import { parseDeliveryEventsConfig } from '../shared/config.ts';
import { parseQueuedDeliveryEvent } from '../shared/events/ses-delivery-event.ts';
import { createObservability, recordUndeliveredForward, traceClients } from '../shared/observability.ts';
import { confirmAttempt } from '../shared/pipeline/send-once.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseDeliveryEventsConfig(process.env);
const { logger, metrics, tracer } = createObservability('claims-delivery-events');
const { dynamo } = traceClients(tracer, { dynamo: createDynamoClient(config) });
const claims = new DynamoClaimRepository(dynamo, config.CLAIMS_TABLE);

/** Recording an event is a few DynamoDB writes: milliseconds, seconds with the SDK's retries. */
const EVENT_START_MARGIN_MS = 5_000;
/** Kept back for a write started just before the deadline, and the batch response. */
const EVENT_DEADLINE_RESERVE_MS = 3_000;

/**
 * Records SES send, delivery, bounce, complaint and reject events of outgoing mail against their
 * claim, settles the ledger entry of an attempt whose answer was lost, and puts a claim whose
 * forward will not reach the administrator in the review queue.
 */
export async function handler(event: SQSEvent, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SQSBatchResponse> {
  const timing = {
    remainingTimeMs: context.getRemainingTimeInMillis(),
    reserveMs: EVENT_DEADLINE_RESERVE_MS,
    startMarginMs: EVENT_START_MARGIN_MS,
  };
  try {
    return await handleQueueBatch(event, logger, timing, async (body) => {
      const delivery = parseQueuedDeliveryEvent(body);
      if (!delivery) return;
      const { reference, event: deliveryEvent } = delivery;
      const claim = await claims.recordDeliveryEvent(reference, deliveryEvent);
      logger.info('delivery event recorded', { reference, type: deliveryEvent.type });
      // SES took the attempt: if its sender never learnt so, the ledger learns it here.
      if (deliveryEvent.send && (await confirmAttempt(claims, claim, deliveryEvent))) {
        logger.info('send confirmed by its SES event', { reference, ledger: deliveryEvent.send.id, attempt: deliveryEvent.send.attempt });
      }
      const reason = delivery.forwardUndelivered;
      if (reason && (await claims.markForwardUndelivered(reference, { at: deliveryEvent.at, reason }))) {
        recordUndeliveredForward(metrics);
        logger.warn('forward undelivered: claim held for review', { reference });
      }
    });
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}
