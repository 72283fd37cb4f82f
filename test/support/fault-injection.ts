import { DynamoDBServiceException, InternalServerError, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { InternalServiceError, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { InternalServiceErrorException, MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import type { AwsClients } from '../../functions/shared/clients.ts';

export type Service = keyof AwsClients;

/**
 * - `throttle`: the service's own throttling error, before the call reaches it;
 * - `unavailable`: its own 5xx error, before the call reaches it;
 * - `network`: the connection reset before any answer, as Node reports it;
 * - `timeout-after`: the call is carried out, then its answer is lost (the SDK's TimeoutError):
 *   a write done but not known, a message sent but not recorded;
 * - `refuse`: a refusal no retry changes (SES's MessageRejected, DynamoDB's ValidationException).
 */
export type FaultKind = 'throttle' | 'unavailable' | 'network' | 'timeout-after' | 'refuse';
/** The faults another try may get past. */
export const TRANSIENT_FAULTS: readonly FaultKind[] = ['throttle', 'unavailable', 'network', 'timeout-after'];

export interface AwsCall {
  readonly service: Service;
  readonly command: string;
}

export interface FaultPlan {
  /** The call (1-based, every service counted, SDK retries included) at which the fault begins. */
  readonly at: number;
  readonly kind: FaultKind;
  /** `call`: that call alone; `onward`: that call and every later one, until disarmed. */
  readonly span: 'call' | 'onward';
}

/** A message SES took: its id and the tags its events carry. */
export interface AcceptedSend {
  readonly messageId: string;
  readonly tags: Readonly<Record<string, string>>;
}

const metadata = (httpStatusCode?: number) => ({ $metadata: httpStatusCode === undefined ? {} : { httpStatusCode } });

/** Each service's own error classes, shaped as the SDK deserialises them from AWS's answers. */
function serviceError(service: Service, kind: 'throttle' | 'unavailable' | 'refuse'): Error {
  if (kind === 'refuse') {
    return service === 'ses'
      ? new MessageRejected({ message: 'Email address is not verified.', ...metadata(400) })
      : new DynamoDBServiceException({ name: 'ValidationException', $fault: 'client', message: 'Item size has exceeded the maximum allowed size', ...metadata(400) });
  }
  switch (service) {
    case 'dynamo':
      return kind === 'throttle'
        ? new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', ...metadata(400) })
        : new InternalServerError({ message: 'Internal server error', ...metadata(500) });
    case 's3':
      return kind === 'throttle'
        ? new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', ...metadata(503) })
        : new S3ServiceException({ name: 'ServiceUnavailable', $fault: 'server', message: 'Service is unable to handle request.', ...metadata(503) });
    case 'ses':
      return kind === 'throttle'
        ? new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...metadata(429) })
        : new InternalServiceErrorException({ message: 'Internal service error', ...metadata(500) });
    case 'secrets':
      return kind === 'throttle'
        ? new SecretsManagerServiceException({ name: 'ThrottlingException', $fault: 'client', message: 'Rate exceeded', ...metadata(400) })
        : new InternalServiceError({ message: 'An error occurred on the server side.', ...metadata(500) });
  }
}

function faultError(service: Service, kind: FaultKind): Error {
  if (kind === 'network') return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', ...metadata() });
  if (kind === 'timeout-after') return Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError', ...metadata() });
  return serviceError(service, kind);
}

/**
 * Faults in the real SDK clients: a middleware inside the SDK's retry loop (so its retries and
 * backoff see each fault as they would AWS's), throwing each service's own errors before the
 * call reaches the emulator, or after it was carried out. It also records every call, and every
 * message SES took with its tags, from which the harness makes the events SES would publish.
 */
export class FaultInjector {
  readonly calls: AwsCall[] = [];
  readonly accepted: AcceptedSend[] = [];
  private plan: FaultPlan | undefined;

  attach(clients: AwsClients): AwsClients {
    for (const service of Object.keys(clients) as Service[]) {
      (clients[service].middlewareStack as unknown as FinalizeStack).add(
        (next, context) => async (args) => {
          const call = { service, command: context.commandName ?? 'unknown' };
          this.calls.push(call);
          const fault = this.faultFor(this.calls.length);
          if (fault && fault !== 'timeout-after') throw faultError(service, fault);
          const result = await next(args);
          if (call.command === 'SendEmailCommand') this.recordAccepted(args.input as SendEmailInput, result.output as { MessageId?: string });
          if (fault === 'timeout-after') throw faultError(service, fault);
          return result;
        },
        { step: 'finalizeRequest', priority: 'low', name: 'faultInjection' },
      );
    }
    return clients;
  }

  arm(plan: FaultPlan): void {
    this.plan = plan;
  }

  disarm(): void {
    this.plan = undefined;
  }

  private faultFor(callNumber: number): FaultKind | undefined {
    const plan = this.plan;
    if (!plan) return undefined;
    const hit = plan.span === 'call' ? callNumber === plan.at : callNumber >= plan.at;
    return hit ? plan.kind : undefined;
  }

  private recordAccepted(input: SendEmailInput, output: { MessageId?: string }): void {
    if (!output.MessageId) return;
    this.accepted.push({ messageId: output.MessageId, tags: Object.fromEntries((input.EmailTags ?? []).map(({ Name, Value }) => [Name, Value])) });
  }
}

/** The part of the SDK's middleware stack used here, typed for every client at once. */
interface FinalizeStack {
  add(
    middleware: (
      next: (args: { readonly input: unknown }) => Promise<{ readonly output: unknown }>,
      context: { readonly commandName?: string },
    ) => (args: { readonly input: unknown }) => Promise<{ readonly output: unknown }>,
    options: { readonly step: 'finalizeRequest'; readonly priority: 'low'; readonly name: string },
  ): void;
}

interface SendEmailInput {
  readonly EmailTags?: readonly { readonly Name: string; readonly Value: string }[];
}

/** The Send event SES publishes to the configuration set's topic once it took a message (AWS's documented shape). */
export function sesSendEvent(send: AcceptedSend, at: Date) {
  return {
    eventType: 'Send',
    mail: {
      timestamp: at.toISOString(),
      source: 'claims@claims.example.org',
      sendingAccountId: '123456789012',
      messageId: send.messageId,
      destination: ['recipient@example.com'],
      headersTruncated: false,
      tags: { 'ses:configuration-set': ['ClaimsIntake-outgoing'], ...Object.fromEntries(Object.entries(send.tags).map(([name, value]) => [name, [value]])) },
    },
    send: {},
  };
}
