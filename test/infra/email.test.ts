import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { arnOf, arnWithSuffix, logicalId, refOf, synthStack, TEST_ACCOUNT, type SynthesizedStack } from './synth-stack.ts';

const RULE_ARN = `arn:aws:ses:eu-west-1:${TEST_ACCOUNT}:receipt-rule-set/ClaimsIntake-receipt-rules:receipt-rule/intake`;

describe('SES receiving', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack({ domain: 'claims.example.fr' });
  });

  it('has one rule, for the intake addresses: TLS required, scanning on, then store in S3 under incoming/ and notify the intake topic', () => {
    const { template, stack } = synthesized;
    template.resourceCountIs('AWS::SES::ReceiptRule', 1);
    template.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'ClaimsIntake-receipt-rules' });
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: refOf(stack.receiving.ruleSet),
      Rule: {
        Name: 'intake',
        Enabled: true,
        Recipients: ['claims@claims.example.fr', 'fax@claims.example.fr'],
        TlsPolicy: 'Require',
        ScanEnabled: true,
        Actions: Match.exact([
          {
            S3Action: {
              BucketName: refOf(stack.storage.bucket),
              ObjectKeyPrefix: 'incoming/',
              TopicArn: refOf(stack.intakeQueue.topic),
            },
          },
        ]),
      },
    });
  });

  it('lets SES write under incoming/ only, for this rule of this account only, and creates the rule once it may', () => {
    const { template, stack } = synthesized;
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refOf(stack.storage.bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowSesToStoreReceivedMail',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: arnWithSuffix(stack.storage.bucket, '/incoming/*'),
            Condition: { StringEquals: { 'aws:SourceAccount': TEST_ACCOUNT, 'aws:SourceArn': RULE_ARN } },
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [refOf(stack.intakeQueue.topic)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowSesToNotifyReceivedMail',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: refOf(stack.intakeQueue.topic),
            Condition: { StringEquals: { 'aws:SourceAccount': TEST_ACCOUNT, 'aws:SourceArn': RULE_ARN } },
          },
        ]),
      },
    });
    const rule = template.findResources('AWS::SES::ReceiptRule');
    const dependsOn = Object.values(rule)[0]?.DependsOn as string[];
    expect(dependsOn).toEqual(
      expect.arrayContaining([logicalId(stack.storage.bucket.policy!), logicalId(stack.intakeQueue.topic.node.findChild('Policy'))]),
    );
  });

  it('lets SES encrypt with the data key (mail in S3) and the notifications key (topics), for this account only', () => {
    const { template, stack } = synthesized;
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': TEST_ACCOUNT } };
    const keyPolicyStatements = (keyId: string) =>
      (template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement as { Principal?: { Service?: string } }[]).filter(
        (statement) => statement.Principal?.Service === 'ses.amazonaws.com',
      );
    expect(keyPolicyStatements(logicalId(stack.keys.data))).toEqual([
      { Sid: 'AllowSesToStoreReceivedMail', Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: fromThisAccount },
    ]);
    expect(keyPolicyStatements(logicalId(stack.keys.notifications))).toEqual([
      {
        Sid: 'AllowSesToPublish',
        Effect: 'Allow',
        Principal: { Service: 'ses.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: fromThisAccount,
      },
    ]);
  });

  it('activates the rule set through its own custom resource, once the rule exists, and no AwsCustomResource is left', () => {
    const { template, stack } = synthesized;
    const activations = template.findResources('Custom::ActiveReceiptRuleSet');
    expect(Object.keys(activations)).toEqual([logicalId(stack.receiving.activation.resource)]);
    const [resource] = Object.values(activations);
    expect(resource?.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^ReceivingActivationProviderframeworkonEvent/), 'Arn'] },
      RuleSetName: refOf(stack.receiving.ruleSet),
    });
    expect(resource?.DependsOn).toEqual(expect.arrayContaining([logicalId(stack.receiving.rule), logicalId(stack.receiving.ruleSet)]));
    template.resourceCountIs('Custom::AWS', 0);
  });

  it('runs functions/receipt-rule-set/handler.ts, which may read and set the active rule set, nothing else', () => {
    const { template, stack } = synthesized;
    const { handler } = stack.receiving.activation;
    expect(handler.entry.endsWith('functions/receipt-rule-set/handler.ts')).toBe(true);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [refOf(handler.role)],
      PolicyDocument: {
        Statement: Match.exact([
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(handler.logGroup) },
          { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
          {
            Sid: 'ReadAndSetTheActiveRuleSet',
            Effect: 'Allow',
            Action: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
            Resource: '*',
          },
        ]),
      },
    });
  });

  it('lets the provider framework only write its logs, and look up and invoke that function', () => {
    const { template, stack } = synthesized;
    const activation = stack.receiving.activation;
    const fn = arnOf(activation.handler.function);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [refOf(activation.node.findChild('ProviderRole'))],
      PolicyDocument: {
        Statement: Match.exact([
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(activation.node.findChild('ProviderLogs')) },
          { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [fn, { 'Fn::Join': ['', [fn, ':*']] }] },
          { Effect: 'Allow', Action: 'lambda:GetFunction', Resource: fn },
        ]),
      },
    });
  });
});

describe('SES sending', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack({ domain: 'claims.example.fr' });
  });

  it('verifies the domain with 2048-bit Easy DKIM and sends through the configuration set by default', () => {
    const { template, stack } = synthesized;
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'claims.example.fr',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: refOf(stack.sending.configurationSet) },
    });
    for (const index of [1, 2, 3]) {
      template.hasOutput('*', {
        Value: {
          'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.sending.identity), `DkimDNSTokenName${index}`] }, ' CNAME ', { 'Fn::GetAtt': [logicalId(stack.sending.identity), `DkimDNSTokenValue${index}`] }]],
        },
      });
    }
  });

  it('refuses to deliver without TLS, keeps reputation metrics and suppresses bounced and complaining addresses', () => {
    synthesized.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'ClaimsIntake-outgoing',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('publishes send, delivery, bounce, complaint and reject events to the delivery-events topic', () => {
    const { template, stack } = synthesized;
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: refOf(stack.sending.configurationSet),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'complaint', 'reject'],
        SnsDestination: { TopicARN: refOf(stack.deliveryEventsQueue.topic) },
      },
    });
  });
});
