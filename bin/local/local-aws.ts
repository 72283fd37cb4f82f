import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_LOCAL_REGION, LOCAL_CREDENTIALS, localClientConfig, localS3ClientConfig } from './client-config.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { createLocalBucket, createLocalTables } from './local-resources.ts';
import { startLocalS3 } from './local-s3.ts';
import { startLocalSes } from './local-ses.ts';
import type { LocalService } from './local-service.ts';
import type { SesOutbox } from './ses-outbox.ts';

export type { OutboxAttachment, OutboxEmail, SesOutbox } from './ses-outbox.ts';

/** S3, DynamoDB and SES emulators with the intake's bucket and tables, all on 127.0.0.1. */
export interface LocalAws {
  /** http://127.0.0.1:<port> of each emulator. */
  readonly endpoints: { readonly s3: string; readonly dynamodb: string; readonly ses: string };
  readonly resources: { readonly bucket: string; readonly membersTable: string; readonly claimsTable: string };
  /** Environment for the intake function so its AWS clients reach the emulators and its resources. */
  readonly env: Record<string, string>;
  readonly outbox: SesOutbox;
  /** Stops every emulator and deletes what they stored; calling it again is harmless. */
  stop(): Promise<void>;
}

export interface LocalAwsOptions {
  /** Region the clients sign for; eu-west-1 by default. */
  readonly region?: string;
}

const RESOURCES: LocalAws['resources'] = {
  bucket: 'claims-intake-documents',
  membersTable: 'claims-intake-members',
  claimsTable: 'claims-intake-claims',
};

export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const region = options.region ?? DEFAULT_LOCAL_REGION;
  const [dynamodb, s3, ses] = await Promise.allSettled([startDynamoDbLocal(), startLocalS3(), startLocalSes()]);
  const started = [dynamodb, s3, ses].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (dynamodb.status === 'rejected' || s3.status === 'rejected' || ses.status === 'rejected') {
    await stopAll(started).catch(() => undefined);
    const failures = [dynamodb, s3, ses].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'Local AWS emulators failed to start.');
  }
  const endpoints = { s3: s3.value.endpoint, dynamodb: dynamodb.value.endpoint, ses: ses.value.endpoint };
  try {
    await createResources(endpoints, region);
  } catch (error) {
    await stopAll(started).catch(() => undefined);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    endpoints,
    resources: RESOURCES,
    env: emulatorEnvironment(endpoints, region),
    outbox: ses.value.outbox,
    stop: () => (stopping ??= stopAll(started)),
  };
}

async function createResources(endpoints: LocalAws['endpoints'], region: string): Promise<void> {
  const dynamodb = new DynamoDBClient(localClientConfig(endpoints.dynamodb, region));
  const s3 = new S3Client(localS3ClientConfig(endpoints.s3, region));
  try {
    await Promise.all([createLocalTables(dynamodb, RESOURCES), createLocalBucket(s3, RESOURCES.bucket)]);
  } finally {
    dynamodb.destroy();
    s3.destroy();
  }
}

function emulatorEnvironment(endpoints: LocalAws['endpoints'], region: string): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    // See localS3ClientConfig: streamed uploads would otherwise be stored with aws-chunked framing.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    CLAIMS_BUCKET: RESOURCES.bucket,
    MEMBERS_TABLE: RESOURCES.membersTable,
    CLAIMS_TABLE: RESOURCES.claimsTable,
  };
}

async function stopAll(services: readonly LocalService[]): Promise<void> {
  const results = await Promise.allSettled(services.map((service) => service.stop()));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) {
    throw new AggregateError(failures, 'Local AWS emulators failed to stop.');
  }
}
