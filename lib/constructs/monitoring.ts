import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { UNDELIVERED_FORWARDS_METRIC } from '../../functions/shared/events/delivery-metric.ts';
import { FORGED_LINK_OUTCOME, STATUS_PAGE_REQUESTS_METRIC } from '../../functions/shared/status-page/status-page-metric.ts';
import type { NotificationQueue } from './notification-queue.ts';

/** Counts are checked over five minutes: an operator hears of a failure within minutes. */
const COUNT_PERIOD = Duration.minutes(5);
/** SES computes the reputation rates over a long window; an hour's maximum is enough to see a trend. */
const REPUTATION_PERIOD = Duration.hours(1);

export interface MonitoredFunction {
  /** Name shown in alarm descriptions and on the dashboard. */
  readonly name: string;
  readonly function: IFunction;
}

export interface MonitoredQueue {
  /** Name shown in alarm descriptions and on the dashboard. */
  readonly name: string;
  readonly queue: NotificationQueue;
}

export interface MonitoringProps {
  readonly dashboardName: string;
  /** Mailbox the alarms are sent to (the subscription must be confirmed from it). */
  readonly alarmEmail: string;
  /** Key the alarm topic is encrypted with; CloudWatch must be allowed to use it. */
  readonly encryptionKey: IKey;
  readonly functions: readonly MonitoredFunction[];
  readonly queues: readonly MonitoredQueue[];
  /** Namespace of the functions' own metrics (claims by status and route, timings). */
  readonly metricsNamespace: string;
  /**
   * Age of the oldest waiting message beyond which the consumer is considered stuck: a message that
   * waits this long has failed several deliveries.
   * @default Duration.hours(1)
   */
  readonly maxMessageAge?: Duration;
  /**
   * Account bounce rate that raises the alarm. AWS reviews an account at 5% and may pause sending at 10%.
   * @default 0.05
   */
  readonly bounceRateThreshold?: number;
  /**
   * Account complaint rate that raises the alarm. AWS reviews an account at 0.1% and may pause sending at 0.5%.
   * @default 0.001
   */
  readonly complaintRateThreshold?: number;
  /**
   * Powertools service name of the status page function, whose forged links raise an alarm.
   * @default - no status page: no such alarm
   */
  readonly statusPageServiceName?: string;
  /**
   * Powertools service name of the delivery-events function, whose undelivered forwards raise an alarm.
   * @default - no delivery events are read: no such alarm
   */
  readonly deliveryEventsServiceName?: string;
  /**
   * Forged status links in five minutes that raise the alarm: a member who alters a link by
   * mistake does it once or twice, someone guessing at links many times.
   * @default 20
   */
  readonly forgedStatusLinksThreshold?: number;
}

const sesMetric = (metricName: string, statistic: string, period: Duration) =>
  new Metric({ namespace: 'AWS/SES', metricName, statistic, period });

/**
 * Alarms mailed to operations, on what needs a person: a message in a dead-letter queue, a queue no
 * longer drained, function errors and throttles, SES bounce and complaint rates, a forward that
 * did not reach its administrator, a burst of forged status links; and a dashboard of the intake,
 * its queues, SES and the claims themselves.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const maxMessageAge = props.maxMessageAge ?? Duration.hours(1);

    this.alarmTopic = new Topic(this, 'AlarmTopic', { masterKey: props.encryptionKey, enforceSSL: true });
    this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    // The TLS deny that enforceSSL writes replaces SNS's default policy: without this grant no
    // alarm could publish, and none would ever be mailed.
    const stack = Stack.of(this);
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowAlarmsOfThisAccountToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    Validations.of(this.alarmTopic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason: 'The only subscription is the operations mailbox; an alarm mail that cannot be delivered has nowhere better to go, and the alarm stays visible in CloudWatch.',
    });
    const notify = new SnsAction(this.alarmTopic);

    const addAlarm = (alarmId: string, description: string, metric: IMetric, threshold: number, comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD) => {
      const alarm = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: comparison,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
      this.alarms.push(alarm);
      return alarm;
    };

    for (const { name, queue } of props.queues) {
      addAlarm(
        `${name}DeadLetters`,
        `${name}: a message failed ${queue.maxReceiveCount} deliveries and is in the dead-letter queue. Read the function's logs, fix the cause, then redrive the dead-letter queue.`,
        queue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: COUNT_PERIOD }),
        1,
      );
      addAlarm(
        `${name}OldestMessage`,
        `${name}: a message has waited more than ${maxMessageAge.toHumanString()}; the consumer is failing or throttled.`,
        queue.queue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: COUNT_PERIOD }),
        maxMessageAge.toSeconds(),
        ComparisonOperator.GREATER_THAN_THRESHOLD,
      );
    }
    for (const { name, function: fn } of props.functions) {
      addAlarm(`${name}Errors`, `${name}: the function failed (error, timeout or crash). Read its logs.`, fn.metricErrors({ statistic: 'Sum', period: COUNT_PERIOD }), 1);
      addAlarm(
        `${name}Throttles`,
        `${name}: invocations were throttled; the account's Lambda concurrency is exhausted.`,
        fn.metricThrottles({ statistic: 'Sum', period: COUNT_PERIOD }),
        1,
      );
    }
    if (props.statusPageServiceName !== undefined) {
      addAlarm(
        'ForgedStatusLinks',
        'Status page: many links whose signature matches no key were opened; someone is altering links or guessing at them. Each got the not-found page and read no claim; the status page logs show when (reason "forged").',
        new Metric({
          namespace: props.metricsNamespace,
          metricName: STATUS_PAGE_REQUESTS_METRIC,
          dimensionsMap: { service: props.statusPageServiceName, outcome: FORGED_LINK_OUTCOME },
          statistic: 'Sum',
          period: COUNT_PERIOD,
        }),
        props.forgedStatusLinksThreshold ?? 20,
      );
    }
    if (props.deliveryEventsServiceName !== undefined) {
      addAlarm(
        'UndeliveredForwards',
        "A claim's forward did not reach its administrator (it bounced for good, or SES rejected it): the claim is in the review queue with why. Send it on another way.",
        new Metric({
          namespace: props.metricsNamespace,
          metricName: UNDELIVERED_FORWARDS_METRIC,
          dimensionsMap: { service: props.deliveryEventsServiceName },
          statistic: 'Sum',
          period: COUNT_PERIOD,
        }),
        1,
      );
    }
    const bounceRate = sesMetric('Reputation.BounceRate', 'Maximum', REPUTATION_PERIOD);
    const complaintRate = sesMetric('Reputation.ComplaintRate', 'Maximum', REPUTATION_PERIOD);
    addAlarm(
      'SesBounceRate',
      'SES bounce rate of the account is high: check the bounce events recorded on claims (wrong member addresses?). AWS may pause sending.',
      bounceRate,
      props.bounceRateThreshold ?? 0.05,
    );
    addAlarm(
      'SesComplaintRate',
      'SES complaint rate of the account is high: recipients mark the intake\'s mail as spam. AWS may pause sending.',
      complaintRate,
      props.complaintRateThreshold ?? 0.001,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
      new GraphWidget({
        title: 'Claims (intake metrics)',
        width: 24,
        left: [
          new MathExpression({
            // Every metric the functions publish, whatever its dimensions.
            expression: `SEARCH('Namespace="${props.metricsNamespace}"', 'Sum', ${COUNT_PERIOD.toSeconds()})`,
            // No label: each series found is named after its metric and dimensions.
            label: '',
            usingMetrics: {},
            period: COUNT_PERIOD,
          }),
        ],
      }),
      ...props.queues.map(
        ({ name, queue }) =>
          new GraphWidget({
            title: `${name} queue`,
            width: 8,
            left: [
              queue.queue.metricApproximateNumberOfMessagesVisible({ label: 'waiting', period: COUNT_PERIOD }),
              queue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead letters', period: COUNT_PERIOD }),
            ],
            right: [queue.queue.metricApproximateAgeOfOldestMessage({ label: 'oldest (s)', period: COUNT_PERIOD })],
          }),
      ),
      ...props.functions.map(
        ({ name, function: fn }) =>
          new GraphWidget({
            title: `${name} function`,
            width: 8,
            left: [
              fn.metricInvocations({ period: COUNT_PERIOD }),
              fn.metricErrors({ period: COUNT_PERIOD }),
              fn.metricThrottles({ period: COUNT_PERIOD }),
            ],
            right: [fn.metricDuration({ statistic: 'p95', period: COUNT_PERIOD })],
          }),
      ),
      new GraphWidget({
        title: 'SES sending',
        width: 12,
        left: ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject'].map((metricName) => sesMetric(metricName, 'Sum', COUNT_PERIOD)),
      }),
      new GraphWidget({ title: 'SES reputation', width: 12, left: [bounceRate, complaintRate] }),
    );
  }
}
