import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ClaimsIntakeConfig } from './config.ts';
import { ClaimsTables } from './constructs/claims-tables.ts';
import { DeliveryEventsFunction, DELIVERY_EVENTS_BATCH_SIZE } from './constructs/delivery-events-function.ts';
import { EmailReceiving } from './constructs/email-receiving.ts';
import { EmailSending } from './constructs/email-sending.ts';
import { EncryptedBucket } from './constructs/encrypted-bucket.ts';
import { EncryptionKeys } from './constructs/encryption-keys.ts';
import { IntakeFunction } from './constructs/intake-function.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { NotificationQueue } from './constructs/notification-queue.ts';
import { RemindersFunction } from './constructs/reminders-function.ts';
import { METRICS_NAMESPACE } from './constructs/project-function.ts';
import { StatusLinkSecret } from './constructs/status-link-secret.ts';
import { StatusPageFunction } from './constructs/status-page-function.ts';

/** Where SES stores received mail in the bucket. */
const INCOMING_PREFIX = 'incoming/';
/** Where the intake stores the documents it extracts. */
const DOCUMENTS_PREFIX = 'documents/';
/** Delivery events are light and rare: the event source's minimum concurrency is plenty. */
const DELIVERY_EVENTS_CONCURRENCY = 2;

export interface ClaimsIntakeStackProps extends StackProps {
  readonly config: ClaimsIntakeConfig;
}

/**
 * The claims intake: SES receives the mail of the intake addresses into S3 and notifies a topic;
 * the intake function, fed by a queue, reads each claim, forwards it and acknowledges it through
 * SES, whose delivery events another function records against the claim. The acknowledgements
 * link to a status page, a function URL, where members follow their claim.
 */
export class ClaimsIntakeStack extends Stack {
  readonly keys: EncryptionKeys;
  readonly storage: EncryptedBucket;
  readonly tables: ClaimsTables;
  readonly statusLinkSecret: StatusLinkSecret;
  readonly statusPage: StatusPageFunction;
  readonly intake: IntakeFunction;
  readonly intakeQueue: NotificationQueue;
  readonly reminders: RemindersFunction;
  readonly deliveryEvents: DeliveryEventsFunction;
  readonly deliveryEventsQueue: NotificationQueue;
  readonly sending: EmailSending;
  readonly receiving: EmailReceiving;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ClaimsIntakeStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.keys = new EncryptionKeys(this, 'Keys');
    const dataKey = this.keys.data;
    const logEncryptionKey = this.keys.operations;

    this.storage = new EncryptedBucket(this, 'Storage', { encryptionKey: dataKey, retentionDays: config.retentionDays });
    this.tables = new ClaimsTables(this, 'Tables', { encryptionKey: dataKey });

    this.deliveryEvents = new DeliveryEventsFunction(this, 'DeliveryEvents', {
      claimsTable: this.tables.claims,
      dataKey,
      logEncryptionKey,
      logRetention: config.logRetentionDays,
      logLevel: config.logLevel,
    });
    this.deliveryEventsQueue = new NotificationQueue(this, 'DeliveryEventsQueue', {
      topicEncryptionKey: this.keys.notifications,
      queueEncryptionKey: dataKey,
      consumer: this.deliveryEvents,
      batchSize: DELIVERY_EVENTS_BATCH_SIZE,
      maxConcurrency: DELIVERY_EVENTS_CONCURRENCY,
    });
    this.sending = new EmailSending(this, 'Sending', {
      domain: config.domain,
      configurationSetName: `${config.stackName}-outgoing`,
      eventsTopic: this.deliveryEventsQueue.topic,
    });

    this.statusLinkSecret = new StatusLinkSecret(this, 'StatusLinkSecret', { encryptionKey: dataKey });
    this.statusPage = new StatusPageFunction(this, 'StatusPage', {
      claimsTable: this.tables.claims,
      statusLinkSecret: this.statusLinkSecret,
      dataKey,
      trackingUrls: { mai: config.maiTrackingUrl, cignaUs: config.cignaUsTrackingUrl },
      logEncryptionKey,
      logRetention: config.logRetentionDays,
      logLevel: config.logLevel,
      reservedConcurrency: config.statusPageConcurrency,
    });

    this.intake = new IntakeFunction(this, 'Intake', {
      config,
      bucket: this.storage.bucket,
      incomingPrefix: INCOMING_PREFIX,
      documentsPrefix: DOCUMENTS_PREFIX,
      tables: this.tables,
      dataKey,
      sending: this.sending,
      statusLinks: { pageUrl: this.statusPage.url.url, secret: this.statusLinkSecret },
      logEncryptionKey,
    });
    this.intakeQueue = new NotificationQueue(this, 'IntakeQueue', {
      topicEncryptionKey: this.keys.notifications,
      queueEncryptionKey: dataKey,
      consumer: this.intake,
      batchSize: this.intake.timing.batchSize,
      maxConcurrency: config.intakeConcurrency,
    });
    this.reminders = new RemindersFunction(this, 'Reminders', { config, tables: this.tables, dataKey, sending: this.sending, logEncryptionKey });
    this.receiving = new EmailReceiving(this, 'Receiving', {
      ruleSetName: `${config.stackName}-receipt-rules`,
      recipients: config.intakeAddresses,
      bucket: this.storage.bucket,
      objectKeyPrefix: INCOMING_PREFIX,
      topic: this.intakeQueue.topic,
      logEncryptionKey,
      logRetention: config.logRetentionDays,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      dashboardName: config.stackName,
      alarmEmail: config.alarmEmail,
      encryptionKey: logEncryptionKey,
      metricsNamespace: METRICS_NAMESPACE,
      functions: [
        { name: 'Intake', function: this.intake.function },
        { name: 'DeliveryEvents', function: this.deliveryEvents.function },
        { name: 'StatusPage', function: this.statusPage.function },
        { name: 'Reminders', function: this.reminders.function },
      ],
      queues: [
        { name: 'Intake', queue: this.intakeQueue },
        { name: 'DeliveryEvents', queue: this.deliveryEventsQueue },
      ],
      statusPageServiceName: this.statusPage.serviceName,
      deliveryEventsServiceName: this.deliveryEvents.serviceName,
    });

    new CfnOutput(this, 'MxRecord', {
      description: `MX record to publish for ${config.domain}`,
      value: `${config.domain} MX 10 inbound-smtp.${this.region}.amazonaws.com`,
    });
    new CfnOutput(this, 'DomainName', { value: config.domain });
    new CfnOutput(this, 'ReceiptRuleSetName', { value: this.receiving.ruleSet.receiptRuleSetName });
    new CfnOutput(this, 'IntakeAddresses', { value: config.intakeAddresses.join(', ') });
    new CfnOutput(this, 'ClaimsBucketName', { value: this.storage.bucket.bucketName });
    new CfnOutput(this, 'MembersTableName', { value: this.tables.members.tableName });
    new CfnOutput(this, 'ClaimsTableName', { value: this.tables.claims.tableName });
    new CfnOutput(this, 'IntakeLogGroupName', { value: this.intake.logGroup.logGroupName });
    new CfnOutput(this, 'IntakeQueueUrl', { value: this.intakeQueue.queue.queueUrl });
    new CfnOutput(this, 'IntakeDeadLetterQueueUrl', { value: this.intakeQueue.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'IntakeDeadLetterQueueArn', { value: this.intakeQueue.deadLetterQueue.queueArn });
    new CfnOutput(this, 'DeliveryEventsQueueUrl', { value: this.deliveryEventsQueue.queue.queueUrl });
    new CfnOutput(this, 'DeliveryEventsDeadLetterQueueUrl', { value: this.deliveryEventsQueue.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    new CfnOutput(this, 'StatusPageUrl', { description: 'Origin of the status links in the replies to members', value: this.statusPage.url.url });
    new CfnOutput(this, 'StatusLinkSecretArn', { description: 'Secret that signs the status links', value: this.statusLinkSecret.secretArn });
  }
}
