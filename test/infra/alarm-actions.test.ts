import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack, TEST_ACCOUNT } from './synth-stack.ts';

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();

describe('alarms that reach someone', () => {
  let resources: Record<string, Resource>;
  beforeAll(() => {
    resources = synthStack({}).template.toJSON().Resources as Record<string, Resource>;
  });
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  /** The topic an alarm action names: `{ Ref: <topic> }` resolved in the template. */
  const topicOf = (action: unknown): string => {
    const id = (action as { Ref?: string }).Ref ?? '';
    expect(resources[id]?.Type, `alarm action ${JSON.stringify(action)}`).toBe('AWS::SNS::Topic');
    return id;
  };
  const policyStatementsOf = (topicId: string): Statement[] =>
    ofType('AWS::SNS::TopicPolicy')
      .filter(([, policy]) => (policy.Properties.Topics as unknown[]).some((topic) => JSON.stringify(topic) === JSON.stringify({ Ref: topicId })))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

  it('gives every alarm in the stack an action on raising and on clearing', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      expect((alarm.Properties.AlarmActions as unknown[] | undefined)?.length ?? 0, id).toBeGreaterThan(0);
      expect((alarm.Properties.OKActions as unknown[] | undefined)?.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  it("lets CloudWatch publish to each action's topic for this account's alarms only, and keeps the TLS deny", () => {
    const topics = new Set(
      ofType('AWS::CloudWatch::Alarm').flatMap(([, alarm]) =>
        [...(alarm.Properties.AlarmActions as unknown[]), ...(alarm.Properties.OKActions as unknown[])].map(topicOf),
      ),
    );
    expect(topics.size).toBeGreaterThan(0);
    for (const topicId of topics) {
      const statements = policyStatementsOf(topicId);
      const cloudWatchGrants = statements.filter(
        (statement) =>
          statement.Effect === 'Allow' &&
          JSON.stringify(statement.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }) &&
          actionsOf(statement).includes('sns:Publish'),
      );
      expect(cloudWatchGrants).toEqual([
        {
          Sid: 'AllowAlarmsOfThisAccountToPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: { Ref: topicId },
          Condition: {
            StringEquals: { 'aws:SourceAccount': TEST_ACCOUNT },
            ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:eu-west-1:${TEST_ACCOUNT}:alarm:*` },
          },
        },
      ]);
      expect(statements.filter((statement) => statement.Effect === 'Allow')).toHaveLength(1);
      expect(statements).toContainEqual({
        Sid: 'AllowPublishThroughSSLOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: { Ref: topicId },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
    }
  });

  it("lets CloudWatch use the key each action's topic is encrypted with, for this account", () => {
    const topicIds = new Set(ofType('AWS::CloudWatch::Alarm').flatMap(([, alarm]) => (alarm.Properties.AlarmActions as unknown[]).map(topicOf)));
    for (const topicId of topicIds) {
      const keyId = ((resources[topicId]?.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'])[0];
      const keyStatements = (resources[keyId]?.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
      expect(
        keyStatements.filter((statement) => JSON.stringify(statement.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' })),
      ).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Condition: { StringEquals: { 'aws:SourceAccount': TEST_ACCOUNT } },
        }),
      ]);
    }
  });
});
