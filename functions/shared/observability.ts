import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { AwsClients } from './clients.ts';
import type { ClaimRecord } from './domain/claim.ts';
import { UNDELIVERED_FORWARDS_METRIC } from './events/delivery-metric.ts';
import type { StatusPageResult } from './status-page/show-claim-status.ts';
import { STATUS_PAGE_REQUESTS_METRIC } from './status-page/status-page-metric.ts';

export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;
}

/** Logger, metrics and tracer of one function; the namespace and level come from its environment. */
export function createObservability(serviceName: string): Observability {
  return { logger: new Logger({ serviceName }), metrics: new Metrics({ serviceName }), tracer: new Tracer({ serviceName }) };
}

/** Every AWS call shows in the function's trace (a no-op outside Lambda). */
export function traceClients<Clients extends Partial<AwsClients>>(tracer: Tracer, clients: Clients): Clients {
  for (const client of Object.values(clients)) if (client) tracer.captureAWSv3Client(client);
  return clients;
}

/**
 * One claim's metrics: counted by status, route and channel; how long OCR took per page read;
 * how long the forward took from SES receipt. No member data is ever a dimension.
 */
export function recordClaimMetrics(metrics: Metrics, claim: ClaimRecord): void {
  const counted = metrics.singleMetric();
  counted.addDimensions({ status: claim.status, route: claim.route ?? 'NONE', channel: claim.channel });
  counted.addMetric('Claims', MetricUnit.Count, 1);
  for (const { ocr } of claim.documents) {
    if (ocr && ocr.pages > 0) metrics.addMetric('OcrMsPerPage', MetricUnit.Milliseconds, Math.round(ocr.elapsedMs / ocr.pages));
  }
  if (claim.forward) {
    metrics.addMetric('ForwardLatency', MetricUnit.Milliseconds, Date.parse(claim.forward.at) - Date.parse(claim.receivedAt));
  }
}

/**
 * A person's decision carried out, counted by what was decided and the status it left: the claims
 * a person routed or declined, beside the Claims the intake decided alone.
 */
export function recordDecisionMetrics(metrics: Metrics, claim: ClaimRecord): void {
  const counted = metrics.singleMetric();
  counted.addDimensions({ decision: claim.decisions?.at(-1)?.action ?? 'none', status: claim.status });
  counted.addMetric('Decisions', MetricUnit.Count, 1);
}

/** One status page request, counted by outcome: a burst of forged links is someone guessing at them. */
export function recordStatusPageMetrics(metrics: Metrics, result: StatusPageResult): void {
  const counted = metrics.singleMetric();
  counted.addDimensions({ outcome: result.found ? 'found' : result.reason });
  counted.addMetric(STATUS_PAGE_REQUESTS_METRIC, MetricUnit.Count, 1);
}

/** A forward that will not reach its administrator: its claim waits in the review queue. */
export function recordUndeliveredForward(metrics: Metrics): void {
  metrics.addMetric(UNDELIVERED_FORWARDS_METRIC, MetricUnit.Count, 1);
}
