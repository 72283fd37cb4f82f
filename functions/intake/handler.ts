import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createAwsClients } from '../shared/clients.ts';
import { parseIntakeConfig } from '../shared/config.ts';
import { parseQueuedSesNotification } from '../shared/events/ses-receipt.ts';
import { createIntakeDependencies, processReceivedMessage } from '../shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseIntakeConfig(process.env);
const dependencies = createIntakeDependencies(config, createAwsClients(config));
const logger = new Logger({ serviceName: 'claims-intake' });

/** SQS batch of SES receipt notifications: each message becomes a recorded claim. */
export function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return handleQueueBatch(event, logger, async (body) => {
    const claim = await processReceivedMessage(parseQueuedSesNotification(body), dependencies);
    logger.info('message processed', {
      reference: claim.reference,
      status: claim.status,
      outcome: claim.outcome,
      route: claim.route,
      channel: claim.channel,
      documents: claim.documents.length,
      treatmentCountry: claim.treatmentCountry,
    });
  });
}
