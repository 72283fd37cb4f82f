import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { StandardRetryStrategy } from '@smithy/core/retry';

/**
 * Tries of one AWS call, the first included, with the SDK's standard backoff (exponential with
 * jitter; throttling waits longer). Three is the SDK's default, written here because the
 * intake's own retries build on it: a call that fails three times fails its step, and the
 * message goes back to the queue, which tries it again minutes later.
 */
export const AWS_CALL_ATTEMPTS = 3;

/**
 * SendEmail is not idempotent: retried after a timeout or a 5xx, it may deliver a copy that
 * nobody recorded. The SDK retries it only when SES throttled it (it then sent nothing); any
 * other failure goes to the outgoing ledger, which knows what was claimed and decides.
 */
class ThrottlingOnlyRetryStrategy extends StandardRetryStrategy {
  override refreshRetryTokenForRetry(...[token, errorInfo]: Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>) {
    if (errorInfo.errorType !== 'THROTTLING') return Promise.reject(new Error('Only throttled sends are retried'));
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

/** Endpoint overrides, set only when the functions run against local emulators. */
export interface EndpointOverrides {
  readonly AWS_ENDPOINT_URL_S3?: string;
  readonly AWS_ENDPOINT_URL_DYNAMODB?: string;
  readonly AWS_ENDPOINT_URL_SESV2?: string;
  readonly AWS_ENDPOINT_URL_SECRETS_MANAGER?: string;
}

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBDocumentClient;
  readonly ses: SESv2Client;
  readonly secrets: SecretsManagerClient;
}

/** One set of clients per execution environment, created at module scope by each handler. */
export function createAwsClients(endpoints: EndpointOverrides): AwsClients {
  return {
    s3: createS3Client(endpoints),
    dynamo: createDynamoClient(endpoints),
    ses: createSesClient(endpoints),
    secrets: createSecretsManagerClient(endpoints),
  };
}

/** The S3 emulator needs path-style addressing and plain (not aws-chunked) uploads. */
export function createS3Client({ AWS_ENDPOINT_URL_S3: endpoint }: EndpointOverrides): S3Client {
  return new S3Client({
    maxAttempts: AWS_CALL_ATTEMPTS,
    ...(endpoint
      ? { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
  });
}

export function createDynamoClient({ AWS_ENDPOINT_URL_DYNAMODB: endpoint }: EndpointOverrides): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: AWS_CALL_ATTEMPTS, ...(endpoint ? { endpoint } : {}) }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function createSesClient({ AWS_ENDPOINT_URL_SESV2: endpoint }: EndpointOverrides): SESv2Client {
  return new SESv2Client({ retryStrategy: new ThrottlingOnlyRetryStrategy(AWS_CALL_ATTEMPTS), ...(endpoint ? { endpoint } : {}) });
}

export function createSecretsManagerClient({ AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint }: EndpointOverrides): SecretsManagerClient {
  return new SecretsManagerClient({ maxAttempts: AWS_CALL_ATTEMPTS, ...(endpoint ? { endpoint } : {}) });
}
