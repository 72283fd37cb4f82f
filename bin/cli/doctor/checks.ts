import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { alarmSubscriptionCheck } from './alarm-subscription.ts';
import { alarmsCheck } from './alarms.ts';
import type { Check } from './check.ts';
import type { Deployment } from './deployment.ts';
import { domainIdentityCheck } from './domain-identity.ts';
import { mxRecordCheck, type ResolveMx } from './mx-record.ts';
import { receiptRuleSetCheck } from './receipt-rule-set.ts';
import { bucketCheck, deadLetterQueueCheck, queueCheck, tableCheck } from './resources.ts';
import { sendingAccountCheck } from './sending-account.ts';

/** The clients the checks call, all in the deployment's region. */
export interface DoctorClients {
  readonly ses: SESClient;
  readonly sesV2: SESv2Client;
  readonly dynamo: DynamoDBClient;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly cloudWatch: CloudWatchClient;
  readonly sns: SNSClient;
}

/** Every check of a deployment, in the order an operator reads them: mail in, mail out, storage, queues, alarms. */
export function deploymentChecks(deployment: Deployment, clients: DoctorClients, resolveMx: ResolveMx): Check[] {
  return [
    receiptRuleSetCheck(clients.ses, deployment.ruleSetName),
    mxRecordCheck(resolveMx, deployment.domain, deployment.region),
    domainIdentityCheck(clients.sesV2, deployment.domain),
    sendingAccountCheck(clients.sesV2, deployment.region),
    tableCheck(clients.dynamo, 'members table', deployment.membersTable),
    tableCheck(clients.dynamo, 'claims table', deployment.claimsTable),
    bucketCheck(clients.s3, deployment.bucket),
    queueCheck(clients.sqs, 'intake queue', deployment.intakeQueueUrl),
    queueCheck(clients.sqs, 'events queue', deployment.deliveryEventsQueueUrl),
    deadLetterQueueCheck(clients.sqs, 'intake failures', deployment.intakeDeadLetterQueueUrl, 'IntakeDeadLetters'),
    deadLetterQueueCheck(clients.sqs, 'events failures', deployment.deliveryEventsDeadLetterQueueUrl, 'DeliveryEventsDeadLetters'),
    alarmsCheck(clients.cloudWatch, deployment.stackName),
    alarmSubscriptionCheck(clients.sns, deployment.alarmTopicArn),
  ];
}
