/**
 * SES event records as AWS documents them ("Examples of event data that Amazon SES publishes to
 * Amazon SNS"), with the tags the intake's mailer sets.
 */
export function sesBounceRecord(tags: Record<string, string[]>) {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        { emailAddress: 'recipient@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
      ],
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reportingMTA: 'dsn; mta.example.com',
    },
    mail: {
      timestamp: '2017-08-05T00:40:02.012Z',
      source: 'Sender Name <sender@example.com>',
      sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
      sendingAccountId: '123456789012',
      messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
      destination: ['recipient@example.com'],
      headersTruncated: false,
      tags: { 'ses:configuration-set': ['ConfigSet'], 'ses:source-ip': ['192.0.2.0'], ...tags },
    },
  };
}

export function sesComplaintRecord(tags: Record<string, string[]>) {
  const { bounce: _bounce, eventType: _type, ...rest } = sesBounceRecord(tags);
  return {
    ...rest,
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: [{ emailAddress: 'recipient@example.com' }],
      timestamp: '2017-08-05T00:41:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      userAgent: 'Mozilla/5.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2017-08-05T00:41:02.669Z',
    },
  };
}

/** The SQS body SNS delivers with raw message delivery off. */
export function snsBody(message: unknown): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
    TopicArn: 'arn:aws:sns:eu-west-1:123456789012:claims-intake-delivery-events',
    Message: JSON.stringify(message),
    Timestamp: '2017-08-05T00:41:03.000Z',
    SignatureVersion: '1',
  });
}

/** Topics of the stack SES publishes to: received mail, and sending events. */
export const RECEIPT_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ClaimsIntake-received';
export const EVENTS_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ClaimsIntake-events';

/** The SNS envelope SQS delivers (raw message delivery off) around a message published as text, as SNS writes it. */
export function snsEnvelope(topicArn: string, message: string): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: '0ec3ac6d-9f51-5389-a925-f287c0aac55e',
    TopicArn: topicArn,
    Message: message,
    Timestamp: '2026-06-17T16:00:59.499Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem',
    UnsubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:a504a9b0-73d7-4e0e-b73b-5afab59ae555`,
  });
}
