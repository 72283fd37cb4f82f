import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createAwsClients } from '../shared/clients.ts';
import { parseIntakeConfig } from '../shared/config.ts';
import { parseQueuedSesNotification } from '../shared/events/ses-receipt.ts';
import { sesSetupNotificationKind } from '../shared/events/ses-setup-notification.ts';
import { createObservability, recordClaimMetrics, traceClients } from '../shared/observability.ts';
import { createIntakeDependencies, processReceivedMessage } from '../shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseIntakeConfig(process.env);
const { logger, metrics, tracer } = createObservability('claims-intake');
const dependencies = createIntakeDependencies(config, traceClients(tracer, createAwsClients(config)));

/** SQS batch of SES receipt notifications: each message becomes a recorded claim. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  try {
    return await handleQueueBatch(event, logger, async (body) => {
      const setup = sesSetupNotificationKind(body);
      if (setup) return logger.info('SES setup notification dropped', { kind: setup });
      const claim = await processReceivedMessage(parseQueuedSesNotification(body), dependencies);
      recordClaimMetrics(metrics, claim);
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
  } finally {
    // Claims that were not forwarded or OCR-read leave only single metrics, already published.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}
