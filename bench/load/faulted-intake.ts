import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { LambdaTimeLeft } from '../../bin/local/lambda-context.ts';
import { CLAIM_DEADLINE_RESERVE_MS, CLAIM_START_MARGIN_MS } from '../../functions/shared/claim-timing.ts';
import { createAwsClients, type AwsClients } from '../../functions/shared/clients.ts';
import type { IntakeConfig } from '../../functions/shared/config.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import { createObservability } from '../../functions/shared/observability.ts';
import { createIntakeDependencies, processReceivedMessage } from '../../functions/shared/pipeline/process-message.ts';
import { handleQueueBatch } from '../../functions/shared/queue-batch.ts';
import { VISIBILITY_TIMEOUT_FACTOR } from '../../lib/intake-timing.ts';
import { FaultInjector, sesSendEvent, type AwsCall, type FaultPlan } from '../../test/support/fault-injection.ts';
import { snsBody } from '../../test/support/ses-events.ts';
import type { FaultAnchor, FaultChoice } from './load-mix.ts';

/** The delivery-events function's handler: SES's events of what it took reach it within seconds on AWS. */
export type DeliveryEventsHandler = (event: SQSEvent, context: LambdaTimeLeft) => Promise<SQSBatchResponse>;

const { logger } = createObservability('claims-intake');

/**
 * One message's own execution environment of the intake (its SDK clients with a fault injector,
 * its key cache), running the handler's batch loop. The fault lasts its first delivery. After each
 * delivery SES's Send events of what it took go to the delivery-events function, and the
 * message's clock moves on by the queue's visibility timeout, the time SQS waits before it
 * redelivers: the local queue redelivers at once.
 */
export class FaultedIntake {
  readonly injector = new FaultInjector();
  private readonly clients: AwsClients;
  private readonly dependencies;
  private clockOffsetMs = 0;
  private published = 0;
  private deliveries = 0;

  constructor(
    config: IntakeConfig,
    private readonly plan: FaultPlan | undefined,
    private readonly recordDeliveryEvents: DeliveryEventsHandler,
    private readonly functionTimeoutMs: number,
  ) {
    this.clients = this.injector.attach(createAwsClients(config));
    this.dependencies = { ...createIntakeDependencies(config, this.clients), now: () => new Date(Date.now() + this.clockOffsetMs) };
  }

  async deliver(event: SQSEvent, context: LambdaTimeLeft): Promise<SQSBatchResponse> {
    this.deliveries += 1;
    if (this.plan && this.deliveries === 1) this.injector.arm(this.plan);
    const timing = { remainingTimeMs: context.getRemainingTimeInMillis(), reserveMs: CLAIM_DEADLINE_RESERVE_MS, startMarginMs: CLAIM_START_MARGIN_MS };
    try {
      return await handleQueueBatch(event, logger, timing, async (body, deadline) => {
        await processReceivedMessage(parseQueuedSesNotification(body), this.dependencies, deadline);
      });
    } finally {
      this.injector.disarm();
      await this.publishSesEvents(event);
      this.clockOffsetMs += VISIBILITY_TIMEOUT_FACTOR * this.functionTimeoutMs;
    }
  }

  destroy(): void {
    for (const client of Object.values(this.clients)) client.destroy();
  }

  private async publishSesEvents(event: SQSEvent): Promise<void> {
    const template = event.Records[0];
    const sends = this.injector.accepted.slice(this.published);
    this.published = this.injector.accepted.length;
    if (!template || sends.length === 0) return;
    const records = sends.map((send) => ({ ...template, messageId: `ses-event-${send.messageId}`, body: snsBody(sesSendEvent(send, new Date())) }));
    const response = await this.recordDeliveryEvents({ Records: records }, { getRemainingTimeInMillis: () => this.functionTimeoutMs });
    if (response.batchItemFailures.length > 0) throw new Error('SES events of a faulted claim were not recorded');
  }
}

/** The fault plan a choice makes on the calls a clean claim of the same kind made. */
export function faultPlanFor(choice: FaultChoice, cleanCalls: readonly AwsCall[]): FaultPlan {
  return { at: callNumberOf(choice.anchor, cleanCalls), kind: choice.kind, span: choice.span };
}

function callNumberOf(anchor: FaultAnchor, calls: readonly AwsCall[]): number {
  const sends = calls.flatMap((call, index) => (call.command === 'SendEmailCommand' ? [index + 1] : []));
  const [forward, reply] = sends;
  if (forward === undefined || reply === undefined) throw new Error(`the probed claim sent ${sends.length} messages, not a forward and a reply`);
  switch (anchor) {
    case 'first-call':
      return 1;
    case 'forward-send':
      return forward;
    case 'after-forward-send':
      return forward + 1;
    case 'reply-send':
      return reply;
    case 'after-reply-send':
      return reply + 1;
  }
}
