import { DeadlineExceededError } from '../domain/deadline.ts';
import { SafeToLogError } from '../log-safe-error.ts';

/**
 * What a failed step means for the message:
 * - `transient`: another try may succeed (throttling, a 5xx, a timeout, a dropped connection,
 *   time running out): the SDK has already retried it with its backoff, and the message goes
 *   back to the queue, then to its dead-letter queue;
 * - `permanent`: the message itself can never get through that step (SES refuses its content, a
 *   write DynamoDB will never take, the raw message gone): retrying only delays it, so the claim
 *   goes to review with the reason.
 * `accepted` says whether the service may have done what was asked: false only when it answered
 * that it did not (throttled, refused), which makes the next try of a send a first send, not a resend.
 */
export type Failure =
  | { readonly kind: 'transient'; readonly accepted: 'no' | 'unknown'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string };

/** Errors of content AWS will refuse however often it is sent. */
const PERMANENT_ERRORS: Readonly<Record<string, string>> = {
  // SES: the message was refused (a virus, an unverified address in the sandbox, a bad header).
  MessageRejected: 'SES refused the message',
  // SES v2: the request is malformed (an address SES cannot parse, too many recipients).
  BadRequestException: 'SES found the message invalid',
  // DynamoDB: an item over 400 KB, a malformed expression.
  ValidationException: 'DynamoDB refused the record',
  // S3: the raw message is gone (deleted, or never stored under that key).
  NoSuchKey: 'the raw message is not in the bucket',
};

/** Error names AWS and Node use for throttling: the request was not carried out. */
const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
]);

/** The ledger's own waits: another delivery holds the send, or an earlier attempt may have sent it. */
export class SendPendingError extends SafeToLogError {
  override readonly name = 'SendPendingError';
}

interface AwsErrorShape {
  readonly name: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
  readonly CancellationReasons?: readonly { readonly Code?: string }[];
}

/** Sorts an error thrown by a pipeline step; unknown errors are transient, so nothing is lost on a guess. */
export function classifyFailure(error: unknown): Failure {
  if (!(error instanceof Error)) return { kind: 'transient', accepted: 'unknown', reason: 'UnknownError' };
  const aws = error as Error & AwsErrorShape;
  const permanent = PERMANENT_ERRORS[aws.name];
  if (permanent) return { kind: 'permanent', reason: `${permanent} (${aws.name})` };
  if (aws.name === 'TransactionCanceledException' && aws.CancellationReasons?.some((reason) => reason.Code === 'ValidationError')) {
    return { kind: 'permanent', reason: `${PERMANENT_ERRORS.ValidationException} (TransactionCanceledException: ValidationError)` };
  }
  if (error instanceof DeadlineExceededError || error instanceof SendPendingError) {
    return { kind: 'transient', accepted: 'unknown', reason: aws.name };
  }
  const status = aws.$metadata?.httpStatusCode;
  const throttled = THROTTLING_ERRORS.has(aws.name) || status === 429 || aws.$retryable?.throttling === true;
  // A throttled request, or one refused with a 4xx answer, was not carried out; a 5xx, a timeout
  // or a dropped connection may have been.
  const refused = throttled || (status !== undefined && status >= 400 && status < 500);
  return { kind: 'transient', accepted: refused ? 'no' : 'unknown', reason: status ? `${aws.name} (${status})` : aws.name };
}
