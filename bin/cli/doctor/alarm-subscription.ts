import { ListSubscriptionsByTopicCommand, type SNSClient, type Subscription } from '@aws-sdk/client-sns';
import { allowing, failed, passed, type Check } from './check.ts';

/** SNS's SubscriptionArn of a subscription not yet confirmed. */
const PENDING = 'PendingConfirmation';

/** Alarms reach operations only once the subscription's confirmation link has been followed. */
export function alarmSubscriptionCheck(sns: SNSClient, topicArn: string): Check {
  return {
    name: 'alarm mail',
    fixWhenUnchecked: allowing('sns:ListSubscriptionsByTopic'),
    async run(signal) {
      const subscriptions: Subscription[] = [];
      let nextToken: string | undefined;
      do {
        const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }), { abortSignal: signal });
        subscriptions.push(...(page.Subscriptions ?? []).filter((subscription) => subscription.Protocol === 'email'));
        nextToken = page.NextToken;
      } while (nextToken);
      if (subscriptions.length === 0) return failed('no one receives the alarms by mail', 'deploy the stack again with alarmEmail set (docs/DEPLOY.md, Configure)');
      const pending = subscriptions.filter((subscription) => subscription.SubscriptionArn === PENDING).map((subscription) => subscription.Endpoint ?? '?');
      if (pending.length > 0) {
        return failed(`${pending.join(', ')} has not confirmed the alarm subscription: alarms are not mailed`, 'open the mail "AWS Notification - Subscription Confirmation" in that mailbox and follow its link');
      }
      return passed(`alarms are mailed to ${subscriptions.map((subscription) => subscription.Endpoint ?? '?').join(', ')}`);
    },
  };
}
