import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { CLAIM_DEADLINE_RESERVE_MS, CLAIM_START_MARGIN_MS } from '../shared/claim-timing.ts';
import { createAwsClients } from '../shared/clients.ts';
import { parseIntakeConfig } from '../shared/config.ts';
import { parseDecisionMessage } from '../shared/events/decision-message.ts';
import { parseQueuedSesNotification } from '../shared/events/ses-receipt.ts';
import { createObservability, recordClaimMetrics, recordDecisionMetrics, traceClients } from '../shared/observability.ts';
import { carryOutDecision } from '../shared/pipeline/carry-out-decision.ts';
import { createIntakeDependencies, processReceivedMessage } from '../shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../shared/queue-batch.ts';

const config = parseIntakeConfig(process.env);
const { logger, metrics, tracer } = createObservability('claims-intake');
const dependencies = createIntakeDependencies(config, traceClients(tracer, createAwsClients(config)));

/**
 * SQS batch of SES receipt notifications: each message becomes a recorded claim, within the time
 * the invocation has left; a claim there is no time for returns to the queue alone. A message the
 * ops CLI sent after recording a person's decision has the decision carried out.
 */
export async function handler(event: SQSEvent, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SQSBatchResponse> {
  const timing = {
    remainingTimeMs: context.getRemainingTimeInMillis(),
    reserveMs: CLAIM_DEADLINE_RESERVE_MS,
    startMarginMs: CLAIM_START_MARGIN_MS,
  };
  try {
    return await handleQueueBatch(event, logger, timing, async (body, deadline) => {
      const decision = parseDecisionMessage(body);
      if (decision) {
        const decided = await carryOutDecision(decision.reference, dependencies, deadline);
        recordDecisionMetrics(metrics, decided);
        logger.info('decision carried out', { reference: decided.reference, status: decided.status, route: decided.route });
        return;
      }
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
