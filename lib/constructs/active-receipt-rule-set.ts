import { type CfnElement, CustomResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { INLINE_POLICY_REASON, ProjectFunction } from './project-function.ts';

/** Two SES calls and their retries. */
const ACTIVATION_TIMEOUT = Duration.minutes(1);
const DEPLOY_TIME_ONLY = 'Runs only during deployments, called by CloudFormation, which reports its failures.';

export interface ActiveReceiptRuleSetProps {
  readonly ruleSet: IReceiptRuleSet;
  /** Key the functions' log groups are encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
}

/**
 * Makes the rule set the account's active one, remembering the one it replaces; when the resource
 * goes (stack deleted, or a failed deployment rolled back), gives that one back, or deactivates,
 * and only if the intake's is still the active one (a rule set cannot be deleted while active,
 * and one made active since belongs to someone else). CloudFormation has no resource for this:
 * a custom resource runs functions/receipt-rule-set/handler.ts through the CDK provider framework.
 */
export class ActiveReceiptRuleSet extends Construct {
  readonly resource: CustomResource;
  readonly handler: ProjectFunction;

  constructor(scope: Construct, id: string, props: ActiveReceiptRuleSetProps) {
    super(scope, id);

    this.handler = new ProjectFunction(this, 'ReceiptRuleSet', {
      entry: 'functions/receipt-rule-set/handler.ts',
      description: 'the activation of the claims intake SES receipt rule set',
      serviceName: 'claims-receipt-rule-set',
      timeout: ACTIVATION_TIMEOUT,
      memorySize: 128,
      logEncryptionKey: props.logEncryptionKey,
      logRetention: props.logRetention,
    });
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadAndSetTheActiveRuleSet',
        actions: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
        resources: ['*'],
      }),
    );
    Validations.of(this.handler.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ses:DescribeActiveReceiptRuleSet and ses:SetActiveReceiptRuleSet support no resource-level permissions, nor does X-Ray: IAM only accepts "*".',
    });
    Validations.of(this.handler.function).acknowledge(
      { id: 'HIPAA.Security-LambdaConcurrency', reason: DEPLOY_TIME_ONLY },
      { id: 'HIPAA.Security-LambdaDLQ', reason: DEPLOY_TIME_ONLY },
      { id: 'Serverless-LambdaDLQ', reason: DEPLOY_TIME_ONLY },
    );

    const frameworkRole = new Role(this, 'ProviderRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the CDK provider framework of the claims intake receipt rule set activation',
    });
    const frameworkLogs = new LogGroup(this, 'ProviderLogs', { encryptionKey: props.logEncryptionKey, retention: props.logRetention });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.handler.function,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });

    Validations.of(frameworkRole).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.handler.function.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'The provider framework invokes the activation function, any of its versions: the grant names that one function.',
      },
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: INLINE_POLICY_REASON },
    );
    Validations.of(provider).acknowledge(
      { id: 'HIPAA.Security-LambdaConcurrency', reason: DEPLOY_TIME_ONLY },
      { id: 'HIPAA.Security-LambdaDLQ', reason: DEPLOY_TIME_ONLY },
      { id: 'Serverless-LambdaDLQ', reason: DEPLOY_TIME_ONLY },
      { id: 'Serverless-LambdaTracing', reason: `${DEPLOY_TIME_ONLY} It only relays the event to the activation function, which is traced.` },
      { id: 'Serverless-LambdaDefaultMemorySize', reason: `${DEPLOY_TIME_ONLY} The provider framework sets its own function's memory; it relays one small event.` },
      { id: 'HIPAA.Security-LambdaInsideVPC', reason: 'The framework function only calls Lambda and CloudFormation\'s response URL, and reaches no VPC resource.' },
    );

    this.resource = new CustomResource(this, 'SetActive', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::ActiveReceiptRuleSet',
      properties: { RuleSetName: props.ruleSet.receiptRuleSetName },
    });
    this.resource.node.addDependency(props.ruleSet);
  }
}
