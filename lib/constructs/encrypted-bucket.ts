import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Superseded versions are kept this long: enough to undo an overwrite or a deletion by mistake. */
const NONCURRENT_VERSION_RETENTION = Duration.days(30);
/** Parts of an interrupted upload are useless after a day. */
const INCOMPLETE_UPLOAD_RETENTION = Duration.days(1);

export interface EncryptedBucketProps {
  /** Customer managed key the objects are encrypted with (SSE-KMS). */
  readonly encryptionKey: IKey;
  /** Days after which objects, and the access logs about them, expire. */
  readonly retentionDays: number;
  /**
   * What happens to the buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A private bucket for claim data: SSE-KMS with a customer managed key, public access blocked,
 * TLS enforced, versioned, objects expired after the retention period, and server access logs
 * written to a second bucket.
 */
export class EncryptedBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: EncryptedBucketProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const expiration = Duration.days(props.retentionDays);

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      // S3 server access logging cannot deliver to a bucket whose default encryption is SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ expiration, noncurrentVersionExpiration: NONCURRENT_VERSION_RETENTION }],
      removalPolicy,
    });
    Validations.of(this.accessLogsBucket).acknowledge(
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason: 'S3 server access logging only delivers to buckets encrypted with SSE-S3, not SSE-KMS.',
      },
      {
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason: 'Access logs stay in the region of the data they describe; versioning protects them from deletion.',
      },
    );

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: `${id}/`,
      lifecycleRules: [
        {
          expiration,
          noncurrentVersionExpiration: NONCURRENT_VERSION_RETENTION,
          abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_RETENTION,
        },
      ],
      removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason: 'Claims stay in the deployment region (data residency); versioning and retention protect them, and the forwarded copy lives with the administrator.',
    });
  }
}
