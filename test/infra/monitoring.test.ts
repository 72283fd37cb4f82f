import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId, refOf, synthStack, type SynthesizedStack } from './synth-stack.ts';

interface AlarmProperties {
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic: string;
  Period: number;
  Threshold: number;
  ComparisonOperator: string;
  EvaluationPeriods: number;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
}

describe('monitoring', () => {
  let synthesized: SynthesizedStack;
  let alarms: AlarmProperties[];
  beforeAll(() => {
    synthesized = synthStack({ alarmEmail: 'astreinte@example.fr' });
    alarms = Object.values(synthesized.template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
  });
  const alarmOn = (namespace: string, metricName: string, dimension?: { Name: string; Value: unknown }) =>
    alarms.filter(
      (alarm) =>
        alarm.Namespace === namespace &&
        alarm.MetricName === metricName &&
        JSON.stringify(alarm.Dimensions ?? []) === JSON.stringify(dimension ? [dimension] : []),
    );
  const queueName = (construct: Parameters<typeof logicalId>[0]) => ({ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(construct), 'QueueName'] } });
  const functionName = (construct: Parameters<typeof logicalId>[0]) => ({ Name: 'FunctionName', Value: refOf(construct) });

  it('alarms as soon as a message reaches a dead-letter queue', () => {
    const { intakeQueue, deliveryEventsQueue } = synthesized.stack;
    for (const queue of [intakeQueue, deliveryEventsQueue]) {
      expect(alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', queueName(queue.deadLetterQueue))).toEqual([
        expect.objectContaining({ Statistic: 'Maximum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
      ]);
    }
  });

  it('alarms when the oldest waiting message is more than an hour old', () => {
    const { intakeQueue, deliveryEventsQueue } = synthesized.stack;
    for (const queue of [intakeQueue, deliveryEventsQueue]) {
      expect(alarmOn('AWS/SQS', 'ApproximateAgeOfOldestMessage', queueName(queue.queue))).toEqual([
        expect.objectContaining({ Statistic: 'Maximum', Period: 300, Threshold: 3600, ComparisonOperator: 'GreaterThanThreshold' }),
      ]);
    }
  });

  it('alarms on any error or throttle of each function', () => {
    const { intake, deliveryEvents, statusPage, reminders } = synthesized.stack;
    for (const fn of [intake.function, deliveryEvents.function, statusPage.function, reminders.function]) {
      for (const metricName of ['Errors', 'Throttles']) {
        expect(alarmOn('AWS/Lambda', metricName, functionName(fn))).toEqual([
          expect.objectContaining({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
        ]);
      }
    }
  });

  it('alarms on the account\'s SES bounce rate at 5% and complaint rate at 0.1%, before AWS pauses sending', () => {
    expect(alarmOn('AWS/SES', 'Reputation.BounceRate')).toEqual([
      expect.objectContaining({ Statistic: 'Maximum', Period: 3600, Threshold: 0.05, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
    ]);
    expect(alarmOn('AWS/SES', 'Reputation.ComplaintRate')).toEqual([
      expect.objectContaining({ Statistic: 'Maximum', Period: 3600, Threshold: 0.001, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
    ]);
  });

  it('alarms when twenty forged status links are opened within five minutes: someone guessing at them', () => {
    const forged = alarms.filter((alarm) => alarm.Namespace === 'ClaimsIntake' && alarm.MetricName === 'StatusPageRequests');

    expect(forged).toEqual([
      expect.objectContaining({
        Dimensions: [
          { Name: 'outcome', Value: 'forged' },
          { Name: 'service', Value: 'claims-status-page' },
        ],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 20,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ]);
  });

  it("alarms on the first forward that did not reach its administrator: its claim waits in review", () => {
    const undelivered = alarms.filter((alarm) => alarm.Namespace === 'ClaimsIntake' && alarm.MetricName === 'UndeliveredForwards');

    expect(undelivered).toEqual([
      expect.objectContaining({
        Dimensions: [{ Name: 'service', Value: 'claims-delivery-events' }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ]);
  });

  it('has exactly these sixteen alarms, each mailing its raising and its clearing to operations', () => {
    expect(alarms).toHaveLength(16);
    const alarmTopic = refOf(synthesized.stack.monitoring.alarmTopic);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({ EvaluationPeriods: 1, TreatMissingData: 'notBreaching', AlarmActions: [alarmTopic], OKActions: [alarmTopic] });
    }
    synthesized.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'astreinte@example.fr',
      TopicArn: alarmTopic,
    });
  });

  it('has a dashboard named after the stack, with the alarms, the intake\'s own metrics, the queues, the functions and SES', () => {
    const dashboards = Object.values(synthesized.template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.Properties.DashboardName).toBe('ClaimsIntake');
    // The body is a JSON text joined with references to the resources; a placeholder stands for them.
    const parts = dashboards[0]?.Properties.DashboardBody['Fn::Join'][1] as unknown[];
    const body = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'resource')).join(''));
    const widgets = body.widgets as { properties: { title: string; metrics?: unknown[][] } }[];
    expect(widgets.map((widget) => widget.properties.title)).toEqual([
      'Alarms',
      'Claims (intake metrics)',
      'Intake queue',
      'DeliveryEvents queue',
      'Intake function',
      'DeliveryEvents function',
      'StatusPage function',
      'Reminders function',
      'SES sending',
      'SES reputation',
    ]);
    expect(widgets[1]?.properties.metrics).toEqual([
      [{ expression: `SEARCH('Namespace="ClaimsIntake"', 'Sum', 300)` }],
    ]);
  });
});

describe('stack outputs the operators use', () => {
  it('names the DNS records to publish and where to look: domain, rule set, bucket, tables, logs, queues, alarm topic, dashboard, status page and its secret', () => {
    const { stack, template } = synthStack({ domain: 'claims.example.fr', region: 'us-west-2' });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.fromEntries(Object.entries(outputs).filter(([name]) => !name.includes('Dkim')).map(([name, output]) => [name, output.Value]))).toEqual({
      MxRecord: 'claims.example.fr MX 10 inbound-smtp.us-west-2.amazonaws.com',
      DomainName: 'claims.example.fr',
      ReceiptRuleSetName: refOf(stack.receiving.ruleSet),
      IntakeAddresses: 'claims@claims.example.fr, fax@claims.example.fr',
      ClaimsBucketName: refOf(stack.storage.bucket),
      MembersTableName: refOf(stack.tables.members),
      ClaimsTableName: refOf(stack.tables.claims),
      IntakeLogGroupName: refOf(stack.intake.logGroup),
      IntakeQueueUrl: refOf(stack.intakeQueue.queue),
      IntakeDeadLetterQueueUrl: refOf(stack.intakeQueue.deadLetterQueue),
      IntakeDeadLetterQueueArn: { 'Fn::GetAtt': [logicalId(stack.intakeQueue.deadLetterQueue), 'Arn'] },
      DeliveryEventsQueueUrl: refOf(stack.deliveryEventsQueue.queue),
      DeliveryEventsDeadLetterQueueUrl: refOf(stack.deliveryEventsQueue.deadLetterQueue),
      AlarmTopicArn: refOf(stack.monitoring.alarmTopic),
      DashboardName: refOf(stack.monitoring.dashboard),
      StatusPageUrl: { 'Fn::GetAtt': [logicalId(stack.statusPage.url), 'FunctionUrl'] },
      StatusLinkSecretArn: refOf(stack.statusLinkSecret),
    });
  });
});
