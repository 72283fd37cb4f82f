import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { arnOf, logicalId, refOf, synthStack, type SynthesizedStack } from './synth-stack.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>;

describe('encryption and retention of every store', () => {
  let synthesized: SynthesizedStack;
  let resources: Resources;
  beforeAll(() => {
    synthesized = synthStack({ retentionDays: '400', logRetentionDays: '90' });
    resources = synthesized.template.toJSON().Resources;
  });
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  it('rotates the three customer managed keys and keeps them when the stack is deleted', () => {
    const { keys } = synthesized.stack;
    expect(ofType('AWS::KMS::Key').map(([id]) => id).sort()).toEqual([keys.data, keys.notifications, keys.operations].map(logicalId).sort());
    for (const [, key] of ofType('AWS::KMS::Key')) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('encrypts the claims bucket with the data key, blocks public access, requires TLS 1.2, versions, logs access and expires objects after the retention', () => {
    const { stack } = synthesized;
    expect(resources[logicalId(stack.storage.bucket)]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(stack.keys.data) } },
          ],
        },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: refOf(stack.storage.accessLogsBucket), LogFilePrefix: 'Storage/' },
        LifecycleConfiguration: {
          Rules: [
            {
              Status: 'Enabled',
              ExpirationInDays: 400,
              NoncurrentVersionExpiration: { NoncurrentDays: 30 },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            },
          ],
        },
      },
    });
    synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refOf(stack.storage.bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('encrypts the access logs with SSE-S3 (the only encryption log delivery accepts) and keeps them as long as the data', () => {
    expect(resources[logicalId(synthesized.stack.storage.accessLogsBucket)]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 400, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
      },
    });
  });

  it('encrypts both tables with the data key, with point-in-time recovery and deletion protection, keyed as the table design says', () => {
    const { stack } = synthesized;
    const common = {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          Region: 'eu-west-1',
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: arnOf(stack.keys.data) },
        }),
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    };
    expect(ofType('AWS::DynamoDB::GlobalTable')).toHaveLength(2);
    for (const table of [stack.tables.members, stack.tables.claims]) {
      expect(resources[logicalId(table)]?.DeletionPolicy).toBe('Retain');
    }
    synthesized.template.hasResource('AWS::DynamoDB::GlobalTable', {
      Properties: Match.objectLike({
        ...common,
        GlobalSecondaryIndexes: [
          { IndexName: 'byEmail', KeySchema: [{ AttributeName: 'emailKey', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
          { IndexName: 'byFax', KeySchema: [{ AttributeName: 'faxNumber', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
        ],
      }),
    });
    synthesized.template.hasResource('AWS::DynamoDB::GlobalTable', {
      Properties: Match.objectLike({
        ...common,
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byMember',
            KeySchema: [
              { AttributeName: 'memberId', KeyType: 'HASH' },
              { AttributeName: 'createdAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'createdAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        // Only the daily reply counts carry the attribute.
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      }),
    });
    expect(resources[logicalId(stack.tables.members)]?.Properties?.TimeToLiveSpecification).toBeUndefined();
  });

  it('encrypts every queue with the data key', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(4);
    for (const [, queue] of queues) expect(queue.Properties.KmsMasterKeyId).toEqual(arnOf(synthesized.stack.keys.data));
  });

  it('encrypts the SES topics with the notifications key and the alarm topic with the operations key, and requires TLS to publish', () => {
    const { stack } = synthesized;
    expect(Object.fromEntries(ofType('AWS::SNS::Topic').map(([id, topic]) => [id, topic.Properties.KmsMasterKeyId]))).toEqual({
      [logicalId(stack.intakeQueue.topic)]: arnOf(stack.keys.notifications),
      [logicalId(stack.deliveryEventsQueue.topic)]: arnOf(stack.keys.notifications),
      [logicalId(stack.monitoring.alarmTopic)]: arnOf(stack.keys.operations),
    });
    for (const [id] of ofType('AWS::SNS::Topic')) {
      synthesized.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('encrypts every log group with the operations key and keeps logs for the configured days', () => {
    const logGroups = ofType('AWS::Logs::LogGroup');
    expect(logGroups).toHaveLength(6);
    for (const [, logGroup] of logGroups) {
      expect(logGroup.Properties).toEqual({ KmsKeyId: arnOf(synthesized.stack.keys.operations), RetentionInDays: 90 });
    }
  });

  it('lets CloudWatch Logs use the operations key for this account\'s log groups only', () => {
    const keyPolicy = resources[logicalId(synthesized.stack.keys.operations)]?.Properties.KeyPolicy as { Statement: unknown[] };
    expect(keyPolicy.Statement).toContainEqual({
      Sid: 'AllowCloudWatchLogsOfThisAccount',
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:*' } },
    });
  });
});
