import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_LOCAL_REGION, LOCAL_CREDENTIALS, localClientConfig, localS3ClientConfig } from './client-config.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { createLocalBucket, createLocalTables } from './local-resources.ts';
import { startLocalS3 } from './local-s3.ts';
import { startLocalSecretsManager } from './local-secrets-manager.ts';
import { startLocalSes } from './local-ses.ts';
import type { LocalService } from './local-service.ts';
import type { SesOutbox } from './ses-outbox.ts';

export type { OutboxAttachment, OutboxEmail, SesOutbox } from './ses-outbox.ts';

/** S3, DynamoDB, SES and Secrets Manager emulators with the intake's bucket, tables and secret, all on 127.0.0.1. */
export interface LocalAws {
  /** http://127.0.0.1:<port> of each emulator. */
  readonly endpoints: { readonly s3: string; readonly dynamodb: string; readonly ses: string; readonly secretsManager: string };
  readonly resources: {
    readonly bucket: string;
    readonly membersTable: string;
    readonly claimsTable: string;
    /** ARN of the secret that signs status links, generated at start. */
    readonly statusLinkSecret: string;
  };
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

const RESOURCES = {
  bucket: 'claims-intake-documents',
  membersTable: 'claims-intake-members',
  claimsTable: 'claims-intake-claims',
  statusLinkSecretName: 'claims-intake-status-link',
} as const;

export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const region = options.region ?? DEFAULT_LOCAL_REGION;
  // Like the deployed secret's generated value: 64 letters and digits.
  const statusLinkKey = randomBytes(32).toString('hex');
  const [dynamodb, s3, ses, secretsManager] = await Promise.allSettled([
    startDynamoDbLocal(),
    startLocalS3(),
    startLocalSes(),
    startLocalSecretsManager([{ name: RESOURCES.statusLinkSecretName, current: statusLinkKey }], region),
  ]);
  const results = [dynamodb, s3, ses, secretsManager];
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (dynamodb.status === 'rejected' || s3.status === 'rejected' || ses.status === 'rejected' || secretsManager.status === 'rejected') {
    await stopAll(started).catch(() => undefined);
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'Local AWS emulators failed to start.');
  }
  const endpoints = {
    s3: s3.value.endpoint,
    dynamodb: dynamodb.value.endpoint,
    ses: ses.value.endpoint,
    secretsManager: secretsManager.value.endpoint,
  };
  const resources = {
    bucket: RESOURCES.bucket,
    membersTable: RESOURCES.membersTable,
    claimsTable: RESOURCES.claimsTable,
    statusLinkSecret: secretsManager.value.arnOf(RESOURCES.statusLinkSecretName),
  };
  try {
    await createResources(endpoints, region);
  } catch (error) {
    await stopAll(started).catch(() => undefined);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    endpoints,
    resources,
    env: emulatorEnvironment(endpoints, resources, region),
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

function emulatorEnvironment(endpoints: LocalAws['endpoints'], resources: LocalAws['resources'], region: string): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager,
    // See localS3ClientConfig: streamed uploads would otherwise be stored with aws-chunked framing.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    CLAIMS_BUCKET: resources.bucket,
    MEMBERS_TABLE: resources.membersTable,
    CLAIMS_TABLE: resources.claimsTable,
    STATUS_LINK_SECRET_ARN: resources.statusLinkSecret,
  };
}

async function stopAll(services: readonly LocalService[]): Promise<void> {
  const results = await Promise.allSettled(services.map((service) => service.stop()));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) {
    throw new AggregateError(failures, 'Local AWS emulators failed to stop.');
  }
}
