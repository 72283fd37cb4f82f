import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';

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
  return new S3Client(
    endpoint
      ? { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {},
  );
}

export function createDynamoClient({ AWS_ENDPOINT_URL_DYNAMODB: endpoint }: EndpointOverrides): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function createSesClient({ AWS_ENDPOINT_URL_SESV2: endpoint }: EndpointOverrides): SESv2Client {
  return new SESv2Client(endpoint ? { endpoint } : {});
}

export function createSecretsManagerClient({ AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint }: EndpointOverrides): SecretsManagerClient {
  return new SecretsManagerClient(endpoint ? { endpoint } : {});
}
