import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { ReceiptRule, ReceiptRuleSet, TlsPolicy, type IReceiptRuleAction } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ActiveReceiptRuleSet } from './active-receipt-rule-set.ts';

export interface EmailReceivingProps {
  /** Name of the receipt rule set; unique in the account and region. */
  readonly ruleSetName: string;
  /** Addresses whose mail the rule accepts. */
  readonly recipients: readonly string[];
  /** Bucket the raw message is stored in. */
  readonly bucket: Bucket;
  /** Key prefix of the stored messages, ending with `/`. */
  readonly objectKeyPrefix: string;
  /** Topic notified once a message is stored. */
  readonly topic: ITopic;
  /** Key the activation function's log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
  /**
   * Name of the receipt rule.
   * @default 'intake'
   */
  readonly ruleName?: string;
}

/**
 * SES receiving for the intake addresses: an active receipt rule set whose one rule requires TLS,
 * scans for spam and viruses, stores the raw message in S3 and notifies the topic. SES may write
 * only under the prefix and publish only to the topic, and only for this very rule.
 */
export class EmailReceiving extends Construct {
  readonly ruleSet: ReceiptRuleSet;
  readonly rule: ReceiptRule;
  readonly activation: ActiveReceiptRuleSet;

  constructor(scope: Construct, id: string, props: EmailReceivingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const ruleName = props.ruleName ?? 'intake';
    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${props.ruleSetName}:receipt-rule/${ruleName}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const fromThisRule = { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': ruleArn } };
    const ses = new ServicePrincipal('ses.amazonaws.com');

    props.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToStoreReceivedMail',
        principals: [ses],
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${props.objectKeyPrefix}*`)],
        conditions: fromThisRule,
      }),
    );
    props.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToNotifyReceivedMail',
        principals: [ses],
        actions: ['sns:Publish'],
        resources: [props.topic.topicArn],
        conditions: fromThisRule,
      }),
    );

    // Not aws-ses-actions' S3 action: its bucket grant lacks the aws:SourceArn condition above.
    const storeAndNotify: IReceiptRuleAction = {
      bind: () => ({
        s3Action: {
          bucketName: props.bucket.bucketName,
          objectKeyPrefix: props.objectKeyPrefix,
          topicArn: props.topic.topicArn,
        },
      }),
    };

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: props.ruleSetName });
    this.rule = this.ruleSet.addRule('Rule', {
      receiptRuleName: ruleName,
      recipients: [...props.recipients],
      tlsPolicy: TlsPolicy.REQUIRE,
      scanEnabled: true,
      enabled: true,
      actions: [storeAndNotify],
    });
    // SES checks that it may write and publish when the rule is created.
    this.rule.node.addDependency(props.bucket, props.topic);

    this.activation = new ActiveReceiptRuleSet(this, 'Activation', {
      ruleSet: this.ruleSet,
      logEncryptionKey: props.logEncryptionKey,
      logRetention: props.logRetention,
    });
    this.activation.node.addDependency(this.rule);
  }
}
