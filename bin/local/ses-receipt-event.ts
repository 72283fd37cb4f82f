import { randomUUID } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';
import type { SesReceiptNotification } from '../../functions/shared/events/ses-receipt.ts';
import type { VerdictStatus, Verdicts } from '../../functions/shared/domain/types.ts';

export interface ReceivedMail {
  readonly sesMessageId: string;
  readonly timestamp: Date;
  readonly envelopeSender: string;
  readonly recipients: readonly string[];
  readonly bucket: string;
  readonly objectKey: string;
  readonly objectKeyPrefix: string;
  readonly topicArn: string;
  readonly verdicts: Verdicts;
}

/** The notification SES publishes for a receipt rule's S3 action with a topic. */
export function sesReceiptNotification(mail: ReceivedMail): SesReceiptNotification {
  const status = (value: VerdictStatus) => ({ status: value });
  return {
    notificationType: 'Received',
    mail: {
      timestamp: mail.timestamp.toISOString(),
      source: mail.envelopeSender,
      messageId: mail.sesMessageId,
      destination: [...mail.recipients],
    },
    receipt: {
      recipients: [...mail.recipients],
      spamVerdict: status(mail.verdicts.spam),
      virusVerdict: status(mail.verdicts.virus),
      spfVerdict: status(mail.verdicts.spf),
      dkimVerdict: status(mail.verdicts.dkim),
      dmarcVerdict: status(mail.verdicts.dmarc),
      // As SES: only when DMARC fails.
      ...(mail.verdicts.dmarc === 'FAIL' && mail.verdicts.dmarcPolicy ? { dmarcPolicy: mail.verdicts.dmarcPolicy } : {}),
      action: {
        type: 'S3',
        topicArn: mail.topicArn,
        bucketName: mail.bucket,
        objectKeyPrefix: mail.objectKeyPrefix,
        objectKey: mail.objectKey,
      },
    },
  };
}

/** How SES writes each verdict in its Authentication-Results (GRAY: the domain publishes no policy). */
const RESULT_OF: Readonly<Record<VerdictStatus, string | undefined>> = {
  PASS: 'pass',
  FAIL: 'fail',
  GRAY: 'none',
  PROCESSING_FAILED: 'temperror',
  DISABLED: undefined,
};

/** An address written as is: nothing in it can end the property or the header. */
const PLAIN_ADDRESS = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;

/**
 * The `Authentication-Results` SES prepends to every message it stores, written from the
 * emulator's verdicts: SPF for the SMTP MAIL FROM and the DMARC verdict. No DKIM signature is
 * checked here, so none is reported.
 */
export function sesAuthenticationResults(verdicts: Verdicts, envelopeSender: string): string {
  const spf = RESULT_OF[verdicts.spf];
  const dmarc = RESULT_OF[verdicts.dmarc];
  const mailFrom = PLAIN_ADDRESS.test(envelopeSender) ? ` smtp.mailfrom=${envelopeSender}` : '';
  const results = [...(spf ? [`spf=${spf}${mailFrom}`] : []), ...(dmarc ? [`dmarc=${dmarc}`] : [])];
  return `Authentication-Results: amazonses.com;${results.length === 0 ? ' none' : results.map((result) => `\r\n ${result};`).join('')}\r\n`;
}

/** SNS → SQS, raw message delivery off: the SQS body is the SNS envelope around the notification. */
export function queuedReceiptRecord(notification: unknown, topicArn: string, queueArn: string): SQSRecord {
  const sentAt = Date.now();
  const body = JSON.stringify({
    Type: 'Notification',
    MessageId: randomUUID(),
    TopicArn: topicArn,
    Subject: 'Amazon SES Email Receipt Notification',
    Message: JSON.stringify(notification),
    Timestamp: new Date(sentAt).toISOString(),
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'EXAMPLE',
    UnsubscribeURL: 'EXAMPLE',
  });
  return queuedRecord(randomUUID(), body, queueArn, sentAt);
}

/** The SQS record of a queue message, as Lambda receives it the first time. */
export function queuedRecord(messageId: string, body: string, queueArn: string, sentAt: number): SQSRecord {
  return {
    messageId,
    receiptHandle: 'local',
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(sentAt),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(sentAt),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(':')[3] ?? 'eu-west-1',
  };
}
