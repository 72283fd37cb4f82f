import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoClaimRepository } from '../shared/adapters/dynamo-claim-repository.ts';
import { createDynamoClient } from '../shared/clients.ts';
import { parseDeliveryEventsConfig } from '../shared/config.ts';
import { parseQueuedDeliveryEvent } from '../shared/events/ses-delivery-event.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseDeliveryEventsConfig(process.env);
const claims = new DynamoClaimRepository(createDynamoClient(config), config.CLAIMS_TABLE);
const logger = new Logger({ serviceName: 'claims-delivery-events' });

/** Records SES delivery, bounce, complaint and reject events of outgoing mail against their claim. */
export function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return handleQueueBatch(event, logger, async (body) => {
    const delivery = parseQueuedDeliveryEvent(body);
    if (!delivery) return;
    await claims.recordDeliveryEvent(delivery.reference, delivery.event);
    logger.info('delivery event recorded', { reference: delivery.reference, type: delivery.event.type });
  });
}
