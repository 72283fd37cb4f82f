import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidNotificationError,
  parseQueuedSesNotification,
  type ReceivedMessage,
} from '../../../functions/shared/events/ses-receipt.ts';

/** Event payloads as AWS delivers them (aws-lambda-go testdata). */
const awsEvent = (name: string) => JSON.parse(readFileSync(path.resolve('test', 'fixtures', 'third-party', 'aws-events', name), 'utf8'));

/** An SES receipt: the mail and receipt objects as the event carries them. */
interface SesReceipt {
  readonly mail: Record<string, unknown>;
  readonly receipt: Record<string, unknown>;
}

const S3_ACTION_RECEIPT: SesReceipt = awsEvent('ses-s3-event.json').Records[0].ses;
const LAMBDA_ACTION_RECEIPT: SesReceipt = awsEvent('ses-lambda-event.json').Records[0].ses;
const SNS_NOTIFICATION: Record<string, unknown> = awsEvent('sns-event.json').Records[0].Sns;
/** AWS's sample SQS record body: plain text. */
const PLAIN_SQS_BODY: string = awsEvent('sqs-event.json').Records[0].body;

/** What SES publishes to the topic of a receipt rule. */
const notificationOf = (ses: SesReceipt) => ({ notificationType: 'Received', mail: ses.mail, receipt: ses.receipt });

/** The SQS record body of an SNS subscription without raw message delivery. */
const queuedBody = (message: unknown) => JSON.stringify({ ...SNS_NOTIFICATION, Message: JSON.stringify(message) });

const withReceipt = (changes: Record<string, unknown>) => ({
  ...notificationOf(S3_ACTION_RECEIPT),
  receipt: { ...S3_ACTION_RECEIPT.receipt, ...changes },
});

function parseError(body: string): InvalidNotificationError {
  try {
    parseQueuedSesNotification(body);
  } catch (error) {
    if (error instanceof InvalidNotificationError) return error;
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('parseQueuedSesNotification', () => {
  it('reads the message location, envelope and verdicts of an S3-action receipt', () => {
    const expected: ReceivedMessage = {
      sesMessageId: 'd6iitobk75ur44p8kdnnp7g2n800',
      receivedAt: new Date('2015-09-11T20:32:33.936Z'),
      envelopeSender: '0000014fbe1c09cf-7cb9f704-7531-4e53-89a1-5fa9744f5eb6-000000@amazonses.com',
      recipients: ['recipient@example.com'],
      // AWS's example carries the domain's policy, which SES sends when DMARC fails.
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', dmarcPolicy: 'reject' },
      bucket: 'my-S3-bucket',
      objectKey: 'email',
    };
    expect(parseQueuedSesNotification(queuedBody(notificationOf(S3_ACTION_RECEIPT)))).toEqual(expected);
  });

  it('reads each verdict from its own field', () => {
    const notification = withReceipt({
      spamVerdict: { status: 'FAIL' },
      virusVerdict: { status: 'GRAY' },
      spfVerdict: { status: 'PROCESSING_FAILED' },
      dkimVerdict: { status: 'DISABLED' },
      dmarcVerdict: { status: 'FAIL' },
      dmarcPolicy: 'quarantine',
    });
    expect(parseQueuedSesNotification(queuedBody(notification)).verdicts).toEqual({
      spam: 'FAIL',
      virus: 'GRAY',
      spf: 'PROCESSING_FAILED',
      dkim: 'DISABLED',
      dmarc: 'FAIL',
      dmarcPolicy: 'quarantine',
    });
  });

  it.each([
    ['absent', undefined, {}],
    ['none', 'none', { dmarcPolicy: 'none' }],
    ['written in capitals', 'REJECT', { dmarcPolicy: 'reject' }],
    ['a value SES does not document, read as no policy', 'monitor', {}],
  ])('reads a DMARC policy %s', (_case, dmarcPolicy, expected) => {
    const { dmarcPolicy: _example, ...receipt } = S3_ACTION_RECEIPT.receipt;
    const notification = { ...notificationOf(S3_ACTION_RECEIPT), receipt: { ...receipt, dmarcVerdict: { status: 'FAIL' }, ...(dmarcPolicy ? { dmarcPolicy } : {}) } };
    expect(parseQueuedSesNotification(queuedBody(notification)).verdicts).toEqual({
      spam: 'PASS',
      virus: 'PASS',
      spf: 'PASS',
      dkim: 'PASS',
      dmarc: 'FAIL',
      ...expected,
    });
  });

  it('takes the recipients of the receipt, not every destination of the message', () => {
    const notification = withReceipt({ recipients: ['claims@claims.example.org'] });
    const withOtherDestinations = { ...notification, mail: { ...notification.mail, destination: ['claims@claims.example.org', 'cc@example.com'] } };
    expect(parseQueuedSesNotification(queuedBody(withOtherDestinations)).recipients).toEqual(['claims@claims.example.org']);
  });

  it.each([
    ['a body that is not JSON', PLAIN_SQS_BODY, 'not JSON'],
    ['an SNS message that is not JSON', JSON.stringify(SNS_NOTIFICATION), 'not JSON'],
    [
      'a notification delivered raw, without its SNS envelope',
      JSON.stringify(notificationOf(S3_ACTION_RECEIPT)),
      'SQS body is not an SNS notification (Type, Message)',
    ],
    [
      'a receipt of a Lambda action, whose message is not in S3',
      queuedBody(notificationOf(LAMBDA_ACTION_RECEIPT)),
      'SNS message is not an SES receipt notification with an S3 action (receipt.action.type, receipt.action.bucketName, receipt.action.objectKey)',
    ],
    [
      'a bounce notification',
      queuedBody({ ...notificationOf(S3_ACTION_RECEIPT), notificationType: 'Bounce' }),
      'SNS message is not an SES receipt notification with an S3 action (notificationType)',
    ],
    [
      'a verdict SES does not give',
      queuedBody(withReceipt({ spamVerdict: { status: 'MAYBE' } })),
      'SNS message is not an SES receipt notification with an S3 action (receipt.spamVerdict.status)',
    ],
    [
      'a receipt without recipients',
      queuedBody(withReceipt({ recipients: [] })),
      'SNS message is not an SES receipt notification with an S3 action (receipt.recipients)',
    ],
  ])('rejects %s', (_what, body, message) => {
    const error = parseError(body);
    expect(error.name).toBe('InvalidNotificationError');
    expect(error.message).toBe(message);
  });

  it('names the fields at fault, never their values: a notification carries addresses', () => {
    const notification = notificationOf(LAMBDA_ACTION_RECEIPT);
    const faulty = { ...notification, mail: { ...notification.mail, destination: 'lambda@amazon.com', source: ['aws@amazon.com'] } };
    const { message } = parseError(queuedBody(faulty));

    expect(message).toBe(
      'SNS message is not an SES receipt notification with an S3 action (mail.source, mail.destination, receipt.action.type, receipt.action.bucketName, receipt.action.objectKey)',
    );
    for (const value of ['amazon.com', 'arn:aws', 'Lambda', 'my-ses-lambda-function']) expect(message).not.toContain(value);
  });
});
