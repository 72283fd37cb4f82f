import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The stack's customer managed keys, and which AWS services may use them.
 *
 * - `data` encrypts where claims are kept: mail and documents (SES stores received mail with it),
 *   tables and queues.
 * - `notifications` encrypts the topics SES publishes to (receipt notifications carry the mail's
 *   headers). A key of its own: a queue's key policy names the topic that may send to it, so a topic
 *   and the queues it feeds cannot share a key without a circular dependency.
 * - `operations` encrypts what holds no claim data: function logs and the alarm topic.
 *
 * All are retained when the stack is deleted: retained data stays readable.
 */
export class EncryptionKeys extends Construct {
  readonly data: Key;
  readonly notifications: Key;
  readonly operations: Key;

  /**
   * Lets a function read and write what the data key encrypts: its tables' items and its queue's
   * messages. No sid: it merges with the kms:Decrypt an event source grants on its queue.
   */
  static dataUseStatement(dataKey: IKey): PolicyStatement {
    return new PolicyStatement({ actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [dataKey.keyArn] });
  }

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { account, region, partition } = Stack.of(this);
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': account } };
    const ses = new ServicePrincipal('ses.amazonaws.com');
    const newKey = (keyId: string, description: string) =>
      new Key(this, keyId, { description: `Claims intake: ${description}`, enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });

    this.data = newKey('Data', 'received mail, documents, tables and queues');
    this.data.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToStoreReceivedMail',
        principals: [ses],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );

    this.notifications = newKey('Notifications', 'topics SES publishes received mail and sending events to');
    this.notifications.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToPublish',
        principals: [ses],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );

    this.operations = newKey('Operations', 'function logs and alarm notifications');
    this.operations.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccount',
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` } },
      }),
    );
    this.operations.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );
  }
}
