import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { allowing, failed, passed, type Check } from './check.ts';

/** The intake reads and writes the table: it must exist and be ACTIVE. */
export function tableCheck(dynamo: DynamoDBClient, label: string, tableName: string): Check {
  return {
    name: label,
    fixWhenUnchecked: allowing('dynamodb:DescribeTable'),
    async run(signal) {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal: signal });
      const status = Table?.TableStatus ?? 'unknown';
      if (status === 'ACTIVE') return passed(`${tableName} is ACTIVE`);
      return failed(`${tableName} is ${status}, not ACTIVE`, 'wait a few minutes and check again; if it stays so, read the table in the DynamoDB console');
    },
  };
}

export function bucketCheck(s3: S3Client, bucket: string): Check {
  return {
    name: 'bucket',
    fixWhenUnchecked: allowing('s3:ListBucket'),
    async run(signal) {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal });
      return passed(`${bucket} is reachable`);
    },
  };
}

export function queueCheck(sqs: SQSClient, label: string, queueUrl: string): Check {
  return {
    name: label,
    fixWhenUnchecked: allowing('sqs:GetQueueAttributes'),
    async run(signal) {
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }), { abortSignal: signal });
      return passed(`${queueName(queueUrl)} is reachable, ${Attributes?.ApproximateNumberOfMessages ?? '0'} messages waiting`);
    },
  };
}

/** A dead-letter queue holds what the intake could not process: every message in it is a claim waiting for a person. */
export function deadLetterQueueCheck(sqs: SQSClient, label: string, queueUrl: string, runbook: string): Check {
  return {
    name: label,
    fixWhenUnchecked: allowing('sqs:GetQueueAttributes'),
    async run(signal) {
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }), { abortSignal: signal });
      const depth = Number(Attributes?.ApproximateNumberOfMessages ?? '0');
      if (depth === 0) return passed(`${queueName(queueUrl)} is empty`);
      return failed(`${queueName(queueUrl)} holds ${depth} message${depth === 1 ? '' : 's'} that failed`, `follow ${runbook} in docs/ALARMS.md: find the cause in the function's log, fix it, then move the messages back (aws sqs start-message-move-task)`);
    },
  };
}

/** The last part of https://sqs.<region>.amazonaws.com/<account>/<name>. */
const queueName = (queueUrl: string) => queueUrl.slice(queueUrl.lastIndexOf('/') + 1);
