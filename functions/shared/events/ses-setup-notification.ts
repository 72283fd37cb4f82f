import * as z from 'zod/mini';
import { jsonOf, snsMessageOf } from './sns-envelope.ts';

/**
 * What SES publishes on a topic about the topic itself, not about a message: the plain text it
 * sends when a configuration set's event destination is created, and the JSON notification
 * (`"notificationType": "AmazonSnsSubscriptionSucceeded"`) it sends when a topic is attached to
 * a receipt rule or an identity. Neither is an error: the queue batch drops them with one log line
 * instead of failing them into the dead-letter queue.
 */
export type SesSetupNotificationKind = 'EventDestinationValidated' | 'SubscriptionSucceeded';

/** The text SES publishes, exactly, when it validates an event destination's topic. */
export const EVENT_DESTINATION_VALIDATED_MESSAGE = 'Successfully validated SNS topic for Amazon SES event publishing.';

const subscriptionSucceeded = z.object({ notificationType: z.literal('AmazonSnsSubscriptionSucceeded') });

/** The kind of setup notification an SQS body (SNS envelope) carries, or undefined for anything else. */
export function sesSetupNotificationKind(body: string): SesSetupNotificationKind | undefined {
  const envelope = snsMessageOf(body);
  if ('problem' in envelope) return undefined;
  if (envelope.message.trim() === EVENT_DESTINATION_VALIDATED_MESSAGE) return 'EventDestinationValidated';
  return subscriptionSucceeded.safeParse(jsonOf(envelope.message)?.value).success ? 'SubscriptionSucceeded' : undefined;
}
