import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createAwsClients } from '../shared/clients.ts';
import { parseIntakeConfig } from '../shared/config.ts';
import { Deadline } from '../shared/domain/deadline.ts';
import { parseQueuedSesNotification } from '../shared/events/ses-receipt.ts';
import { createObservability, recordClaimMetrics, traceClients } from '../shared/observability.ts';
import { createIntakeDependencies, processReceivedMessage } from '../shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseIntakeConfig(process.env);
const { logger, metrics, tracer } = createObservability('claims-intake');
const dependencies = createIntakeDependencies(config, traceClients(tracer, createAwsClients(config)));
/**
 * Time kept back from the function's remaining time: a claim stopped at its deadline still has
 * it to report the batch's failures and publish the metrics before Lambda's timeout.
 */
const INVOCATION_SAFETY_MARGIN_MS = 10_000;

/** SQS batch of SES receipt notifications: each message becomes a recorded claim. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const deadline = Deadline.in(context.getRemainingTimeInMillis() - INVOCATION_SAFETY_MARGIN_MS);
  try {
    return await handleQueueBatch(event, logger, async (body) => {
      const claim = await processReceivedMessage(parseQueuedSesNotification(body), dependencies, deadline);
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
