import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { LambdaTimeLeft } from '../../bin/local/lambda-context.ts';
import type { DeliveryResult } from '../../bin/local/ses-receiving.ts';
import type { IntakeConfig } from '../../functions/shared/config.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import type { AwsCall } from '../../test/support/fault-injection.ts';
import { KeyedCompletions } from '../lib/keyed-completions.ts';
import { FaultedIntake, faultPlanFor, type DeliveryEventsHandler } from './faulted-intake.ts';
import type { LoadMessage } from './load-messages.ts';

export type IntakeHandler = (event: SQSEvent, context: LambdaTimeLeft) => Promise<SQSBatchResponse>;

/** What SES receiving took: a message of the load, or the probe whose AWS calls the faults are placed on. */
export type Received = { readonly message: LoadMessage } | { readonly probe: true };

export interface LoadIntakeOptions {
  readonly config: IntakeConfig;
  /** The intake function's own handler, with its module-scope clients. */
  readonly handler: IntakeHandler;
  readonly recordDeliveryEvents: DeliveryEventsHandler;
  readonly functionTimeoutMs: number;
}

/**
 * The intake as SES receiving delivers to it during the load: each message to the intake's own
 * handler, except a faulted message (and the probe), which runs in an execution environment of
 * its own with the fault on its SDK clients. Times each message from its first delivery to its
 * last, retries included.
 */
export class LoadIntake {
  private readonly received = new KeyedCompletions<Received>();
  private readonly recorded = new KeyedCompletions<number>();
  private readonly firstDeliveredAt = new Map<string, number>();
  private readonly environments = new Map<string, FaultedIntake>();
  private readonly redelivered = new Set<string>();
  private probedCalls: readonly AwsCall[] = [];

  constructor(private readonly options: LoadIntakeOptions) {}

  /** SES receiving's `deliver`: waits until the sender says what the message is. */
  readonly deliver = async (event: SQSEvent, context: LambdaTimeLeft): Promise<SQSBatchResponse> => {
    const { sesMessageId } = parseQueuedSesNotification(event.Records[0]?.body ?? '');
    if (!this.firstDeliveredAt.has(sesMessageId)) this.firstDeliveredAt.set(sesMessageId, performance.now());
    const environment = this.environmentFor(sesMessageId, await this.received.wait(sesMessageId));
    return environment ? environment.deliver(event, context) : this.options.handler(event, context);
  };

  /** SES receiving's `onProcessed`: the message is recorded, or dead-lettered. */
  readonly processed = (result: DeliveryResult): void => {
    if (result.attempts > 1) this.redelivered.add(result.sesMessageId);
    this.recorded.settle(result.sesMessageId, performance.now());
  };

  /** Tells the intake what the message SES receiving took under `sesMessageId` is. */
  took(sesMessageId: string, received: Received): void {
    this.received.settle(sesMessageId, received);
  }

  /** Milliseconds from the message's first delivery to its last, once it is processed. */
  async processingTime(sesMessageId: string): Promise<number> {
    const done = await this.recorded.wait(sesMessageId);
    return done - (this.firstDeliveredAt.get(sesMessageId) ?? done);
  }

  /** Places every later fault on the calls the probe made: a clean claim of the faulted messages' member. */
  placeFaultsOn(probeSesMessageId: string): readonly AwsCall[] {
    this.probedCalls = [...(this.environments.get(probeSesMessageId)?.injector.calls ?? [])];
    return this.probedCalls;
  }

  wasRedelivered(sesMessageId: string): boolean {
    return this.redelivered.has(sesMessageId);
  }

  destroy(): void {
    for (const environment of this.environments.values()) environment.destroy();
  }

  private environmentFor(sesMessageId: string, received: Received): FaultedIntake | undefined {
    const fault = 'probe' in received ? undefined : received.message.plan.kind === 'faulted' ? received.message.plan.fault : null;
    if (fault === null) return undefined;
    let environment = this.environments.get(sesMessageId);
    if (!environment) {
      const plan = fault && faultPlanFor(fault, this.probedCalls);
      environment = new FaultedIntake(this.options.config, plan, this.options.recordDeliveryEvents, this.options.functionTimeoutMs);
      this.environments.set(sesMessageId, environment);
    }
    return environment;
  }
}
