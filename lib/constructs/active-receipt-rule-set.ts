import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { INLINE_POLICY_REASON } from './project-function.ts';

/** The SES v1 call that makes a rule set the one receiving mail; without a name it deactivates. */
const SET_ACTIVE_RULE_SET = { service: 'SES', action: 'SetActiveReceiptRuleSet' } as const;

export interface ActiveReceiptRuleSetProps {
  readonly ruleSet: IReceiptRuleSet;
  /** Key the provider function's log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
}

/**
 * Makes the rule set the account's active one on create and update, and deactivates it on delete
 * (a rule set cannot be deleted while active). CloudFormation has no resource for this: a custom
 * resource calls SES's SetActiveReceiptRuleSet. Only one rule set is active per account and region,
 * so deploying replaces any other active rule set.
 */
export class ActiveReceiptRuleSet extends Construct {
  readonly resource: AwsCustomResource;

  constructor(scope: Construct, id: string, props: ActiveReceiptRuleSetProps) {
    super(scope, id);
    const ruleSetName = props.ruleSet.receiptRuleSetName;

    const logGroup = new LogGroup(this, 'Logs', { encryptionKey: props.logEncryptionKey, retention: props.logRetention });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Activates the claims intake SES receipt rule set',
    });
    logGroup.grantWrite(role);
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
    );
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'ses:SetActiveReceiptRuleSet supports no resource-level permissions: IAM only accepts "*" for it.',
      },
      { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: INLINE_POLICY_REASON },
    );

    const activate = {
      ...SET_ACTIVE_RULE_SET,
      parameters: { RuleSetName: ruleSetName },
      physicalResourceId: PhysicalResourceId.of(ruleSetName),
    };
    this.resource = new AwsCustomResource(this, 'SetActive', {
      onCreate: activate,
      onUpdate: activate,
      onDelete: { ...SET_ACTIVE_RULE_SET, parameters: {} },
      role,
      logGroup,
      installLatestAwsSdk: false,
      memorySize: 128,
      timeout: Duration.minutes(2),
    });
    this.resource.node.addDependency(props.ruleSet);

    // The provider function is a singleton at stack level, shared by every AwsCustomResource.
    const providerFunction = Stack.of(this).node.findChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    const deployTimeOnly = 'Runs only during deployments, called by CloudFormation, which reports its failures.';
    Validations.of(providerFunction).acknowledge(
      { id: 'HIPAA.Security-LambdaConcurrency', reason: deployTimeOnly },
      { id: 'HIPAA.Security-LambdaDLQ', reason: deployTimeOnly },
      { id: 'Serverless-LambdaDLQ', reason: deployTimeOnly },
      { id: 'Serverless-LambdaTracing', reason: `${deployTimeOnly} It makes one SES call: a trace would add nothing.` },
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason: 'The function only calls the SES API (TLS, IAM-authorised) and reaches no VPC resource.',
      },
    );
  }
}
