import { describe, expect, it } from 'vitest';
import { sesSetupNotificationKind } from '../../../functions/shared/events/ses-setup-notification.ts';

/** The SNS envelope SQS delivers (raw message delivery off), as SNS writes it. */
const snsEnvelope = (topicArn: string, message: string) =>
  JSON.stringify({
    Type: 'Notification',
    MessageId: '0ec3ac6d-9f51-5389-a925-f287c0aac55e',
    TopicArn: topicArn,
    Message: message,
    Timestamp: '2026-06-17T16:00:59.499Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
    SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem',
    UnsubscribeURL:
      'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:123456789012:ClaimsIntake-events:a504a9b0-73d7-4e0e-b73b-5afab59ae555',
  });

const EVENTS_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ClaimsIntake-events';
const RECEIPT_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ClaimsIntake-received';

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
