import { describe, expect, it } from 'vitest';
import { sesSetupNotificationKind } from '../../../functions/shared/events/ses-setup-notification.ts';
import { EVENTS_TOPIC, RECEIPT_TOPIC, snsEnvelope } from '../../support/ses-events.ts';

describe('sesSetupNotificationKind', () => {
  it("recognises the plain text SES publishes when a configuration set's event destination is created", () => {
    expect(sesSetupNotificationKind(snsEnvelope(EVENTS_TOPIC, 'Successfully validated SNS topic for Amazon SES event publishing.'))).toBe(
      'EventDestinationValidated',
    );
  });

  it('recognises the setup notification SES publishes when a topic is attached to a receipt rule', () => {
    const message = JSON.stringify({
      notificationType: 'AmazonSnsSubscriptionSucceeded',
      message: `You have successfully subscribed your Amazon SNS topic '${RECEIPT_TOPIC}' to receive 'Received' notifications from Amazon SES.`,
    });
    // SES ends this message with a newline.
    expect(sesSetupNotificationKind(snsEnvelope(RECEIPT_TOPIC, `${message}\n`))).toBe('SubscriptionSucceeded');
  });

  it('leaves everything else to the handlers: a receipt notification, an event, other text, a body that is not JSON', () => {
    const received = JSON.stringify({ notificationType: 'Received', mail: { messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1' }, receipt: {} });
    expect(sesSetupNotificationKind(snsEnvelope(RECEIPT_TOPIC, received))).toBeUndefined();
    expect(sesSetupNotificationKind(snsEnvelope(EVENTS_TOPIC, JSON.stringify({ eventType: 'Bounce', mail: {} })))).toBeUndefined();
    expect(sesSetupNotificationKind(snsEnvelope(EVENTS_TOPIC, 'Successfully validated SNS topic'))).toBeUndefined();
    expect(sesSetupNotificationKind(snsEnvelope(EVENTS_TOPIC, 'not JSON at all'))).toBeUndefined();
    expect(sesSetupNotificationKind('Successfully validated SNS topic for Amazon SES event publishing.')).toBeUndefined();
    expect(sesSetupNotificationKind(JSON.stringify({ Type: 'SubscriptionConfirmation', Message: 'Successfully validated SNS topic for Amazon SES event publishing.' }))).toBeUndefined();
  });
});
