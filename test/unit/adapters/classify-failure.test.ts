import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
  DynamoDBServiceException,
} from '@aws-sdk/client-dynamodb';
import { NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { InternalServiceError } from '@aws-sdk/client-secrets-manager';
import { BadRequestException, MessageRejected, SendingPausedException, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { classifyFailure, SendPendingError } from '../../../functions/shared/adapters/classify-failure.ts';
import { DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode, requestId: 'EXAMPLE-REQUEST-ID' } });

describe('classifyFailure', () => {
  it.each([
    [
      'SES MessageRejected',
      new MessageRejected({ message: 'Email address is not verified. The following identities failed the check in region EU-WEST-1: someone@example.org', ...meta(400) }),
      'SES refused the message (MessageRejected)',
    ],
    ['SES BadRequestException', new BadRequestException({ message: 'Missing final @domain', ...meta(400) }), 'SES found the message invalid (BadRequestException)'],
    [
      'a DynamoDB ValidationException',
      new DynamoDBServiceException({ name: 'ValidationException', $fault: 'client', message: 'Item size has exceeded the maximum allowed size', ...meta(400) }),
      'DynamoDB refused the record (ValidationException)',
    ],
    ['S3 NoSuchKey on the raw message', new NoSuchKey({ message: 'The specified key does not exist.', ...meta(404) }), 'the raw message is not in the bucket (NoSuchKey)'],
    [
      'a transaction DynamoDB refuses as invalid',
      new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]',
        CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError', Message: 'Item size has exceeded the maximum allowed size' }],
        ...meta(400),
      }),
      'DynamoDB refused the record (TransactionCanceledException: ValidationError)',
    ],
  ])('sorts %s as permanent, with a reason that quotes nothing of the message', (_what, error, reason) => {
    expect(classifyFailure(error)).toEqual({ kind: 'permanent', reason });
  });

  it.each([
    ['DynamoDB ThrottlingException', new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', ...meta(400) }), 'ThrottlingException (400)'],
    [
      'DynamoDB ProvisionedThroughputExceededException',
      new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', ...meta(400) }),
      'ProvisionedThroughputExceededException (400)',
    ],
    ['SES TooManyRequestsException', new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta(429) }), 'TooManyRequestsException (429)'],
    ['S3 SlowDown', new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', ...meta(503) }), 'SlowDown (503)'],
    ['SES SendingPausedException (an account matter, fixed by operations)', new SendingPausedException({ message: 'Sending is paused for this account.', ...meta(400) }), 'SendingPausedException (400)'],
    [
      'a transaction that met another',
      new TransactionCanceledException({ message: 'Transaction cancelled [TransactionConflict]', CancellationReasons: [{ Code: 'TransactionConflict' }], ...meta(400) }),
      'TransactionCanceledException (400)',
    ],
  ])('sorts %s as transient, and as not carried out', (_what, error, reason) => {
    expect(classifyFailure(error)).toEqual({ kind: 'transient', accepted: 'no', reason });
  });

  it.each([
    ['DynamoDB InternalServerError', new InternalServerError({ message: 'Internal server error', ...meta(500) }), 'InternalServerError (500)'],
    ['S3 ServiceUnavailable', new S3ServiceException({ name: 'ServiceUnavailable', $fault: 'server', message: 'Reduce your request rate.', ...meta(503) }), 'ServiceUnavailable (503)'],
    ['Secrets Manager InternalServiceError', new InternalServiceError({ message: 'An error occurred on the server side.', ...meta(500) }), 'InternalServiceError (500)'],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} }), 'Error'],
    ["the SDK's TimeoutError", Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError', $metadata: {} }), 'TimeoutError'],
    ['time running out', new DeadlineExceededError('reading documents'), 'DeadlineExceededError'],
    ['a send waiting for its earlier attempt', new SendPendingError('the forward of attempt 1 may have been sent'), 'SendPendingError'],
    ['an error of our own', new TypeError("Cannot read properties of undefined (reading 'x')"), 'TypeError'],
  ])('sorts %s as transient, possibly carried out', (_what, error, reason) => {
    expect(classifyFailure(error)).toEqual({ kind: 'transient', accepted: 'unknown', reason });
  });

  it('sorts something thrown that is not an error as transient', () => {
    expect(classifyFailure('boom')).toEqual({ kind: 'transient', accepted: 'unknown', reason: 'UnknownError' });
  });
});
