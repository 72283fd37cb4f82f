import * as z from 'zod/mini';
import { SafeToLogError } from '../log-safe-error.ts';
import { DMARC_POLICIES, type DmarcPolicy, type Verdicts } from '../domain/types.ts';
import { issuePaths, jsonOf, snsMessageOf } from './sns-envelope.ts';

const nonEmptyString = z.string().check(z.minLength(1));

const verdict = z.object({
  status: z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']),
});

/**
 * The SES receipt notification for an S3 action with a topic ("notificationType": "Received"):
 * the message itself is in S3, the notification says where and carries the receipt verdicts.
 */
export const sesReceiptNotificationSchema = z.object({
  notificationType: z.literal('Received'),
  mail: z.object({
    timestamp: z.string(),
    source: z.string(),
    messageId: nonEmptyString,
    destination: z.array(z.string()),
  }),
  receipt: z.object({
    recipients: z.array(z.string()).check(z.minLength(1)),
    spamVerdict: verdict,
    virusVerdict: verdict,
    spfVerdict: verdict,
    dkimVerdict: verdict,
    dmarcVerdict: verdict,
    /** Only when DMARC fails; a value AWS might add later is kept as text and read as no policy. */
    dmarcPolicy: z.optional(z.string()),
    action: z.object({
      type: z.literal('S3'),
      bucketName: nonEmptyString,
      objectKey: nonEmptyString,
      objectKeyPrefix: z.optional(z.string()),
      topicArn: z.optional(z.string()),
    }),
  }),
});

export type SesReceiptNotification = z.infer<typeof sesReceiptNotificationSchema>;

/** What the intake needs to know about one received message, whatever carried it. */
export interface ReceivedMessage {
  readonly sesMessageId: string;
  readonly receivedAt: Date;
  /** SMTP MAIL FROM; empty for the null return path. */
  readonly envelopeSender: string;
  readonly recipients: readonly string[];
  readonly verdicts: Verdicts;
  readonly bucket: string;
  readonly objectKey: string;
}

export class InvalidNotificationError extends SafeToLogError {
  override readonly name = 'InvalidNotificationError';
}

/** Reads an SQS record body: SNS envelope around the SES receipt notification. */
export function parseQueuedSesNotification(body: string): ReceivedMessage {
  const envelope = snsMessageOf(body);
  if ('problem' in envelope) throw new InvalidNotificationError(envelope.problem);
  const json = jsonOf(envelope.message);
  if (json === undefined) throw new InvalidNotificationError('not JSON');
  const notification = sesReceiptNotificationSchema.safeParse(json.value);
  if (!notification.success) {
    throw new InvalidNotificationError(`SNS message is not an SES receipt notification with an S3 action (${issuePaths(notification.error)})`);
  }
  return toReceivedMessage(notification.data);
}

export function toReceivedMessage(notification: SesReceiptNotification): ReceivedMessage {
  const { mail, receipt } = notification;
  return {
    sesMessageId: mail.messageId,
    receivedAt: new Date(mail.timestamp),
    envelopeSender: mail.source,
    recipients: receipt.recipients,
    verdicts: {
      spam: receipt.spamVerdict.status,
      virus: receipt.virusVerdict.status,
      spf: receipt.spfVerdict.status,
      dkim: receipt.dkimVerdict.status,
      dmarc: receipt.dmarcVerdict.status,
      ...dmarcPolicyOf(receipt.dmarcPolicy),
    },
    bucket: receipt.action.bucketName,
    objectKey: receipt.action.objectKey,
  };
}

function dmarcPolicyOf(text: string | undefined): { dmarcPolicy?: DmarcPolicy } {
  const policy = DMARC_POLICIES.find((known) => known === text?.trim().toLowerCase());
  return policy ? { dmarcPolicy: policy } : {};
}
