import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { IntakeConfig } from './config.ts';

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBDocumentClient;
  readonly ses: SESv2Client;
}

type EndpointConfig = Pick<IntakeConfig, 'AWS_ENDPOINT_URL_S3' | 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_SESV2'>;

/**
 * One set of clients per execution environment. Endpoints are only overridden for the local
 * emulators; the S3 emulator needs path-style addressing and plain (non aws-chunked) uploads.
 */
export function createAwsClients(config: EndpointConfig): AwsClients {
  const s3Endpoint = config.AWS_ENDPOINT_URL_S3;
  return {
    s3: new S3Client(
      s3Endpoint
        ? { endpoint: s3Endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
        : {},
    ),
    dynamo: DynamoDBDocumentClient.from(
      new DynamoDBClient(config.AWS_ENDPOINT_URL_DYNAMODB ? { endpoint: config.AWS_ENDPOINT_URL_DYNAMODB } : {}),
      { marshallOptions: { removeUndefinedValues: true } },
    ),
    ses: new SESv2Client(config.AWS_ENDPOINT_URL_SESV2 ? { endpoint: config.AWS_ENDPOINT_URL_SESV2 } : {}),
  };
}
