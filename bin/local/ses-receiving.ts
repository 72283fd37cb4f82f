import { randomBytes } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { SMTPServer } from 'smtp-server';
import { verdictsFromHeaders } from '../../functions/shared/events/verdict-headers.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/redrive.ts';
import { INTAKE_TIMEOUT_MS, invocationContext, type LambdaTimeLeft } from './lambda-context.ts';
import { keepDeadLetter } from './local-dead-letters.ts';
import { queuedReceiptRecord, sesAuthenticationResults, sesReceiptNotification } from './ses-receipt-event.ts';

export interface SesReceivingOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Mail for other domains is refused, as SES refuses domains it does not receive for. */
  readonly domain: string;
  readonly s3: S3Client;
  readonly bucket: string;
  /** The intake function's handler, called with the SQS event AWS would deliver and the time it has. */
  readonly deliver: DeliverToIntake;
  readonly onProcessed?: (result: DeliveryResult) => Promise<void> | void;
  /**
   * The time each invocation has, as the deployed function's timeout gives it.
   * @default the intake's timeout with the default OCR time limit (lib/intake-timing.ts)
   */
  readonly functionTimeoutMs?: number;
  /** Where a message that failed every delivery is also kept as a file, for `dlq list --local` and `dlq replay --local`. */
  readonly deadLetterDirectory?: string;
}

/** The intake function's handler, as the queue calls it. */
export type DeliverToIntake = (event: SQSEvent, context: LambdaTimeLeft) => Promise<SQSBatchResponse>;

/** A message that failed every delivery: what the deployed dead-letter queue would hold. */
export interface DeadLetter {
  readonly sesMessageId: string;
  /** Where the raw message still is, for a redrive. */
  readonly objectKey: string;
  readonly attempts: number;
  readonly deadLetteredAt: Date;
}

export interface DeliveryResult {
  readonly sesMessageId: string;
  /** Where the raw message is in the bucket. */
  readonly objectKey: string;
  readonly recipients: readonly string[];
  /** Receive attempts used; the last failed attempt would leave the message in the DLQ. */
  readonly attempts: number;
  readonly failed: boolean;
}

export interface SesReceiving {
  readonly port: number;
  /** The local dead-letter queue, oldest first: its length is the depth the dead-letter alarm watches. */
  deadLetters(): readonly DeadLetter[];
  /** Resolves when every accepted message has been processed. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const OBJECT_KEY_PREFIX = 'incoming/';
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:000000000000:claims-intake-received';
export const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:000000000000:claims-intake';
/** SES accepts messages up to 40 MB. */
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/**
 * Plays SES receiving on 127.0.0.1: accepts SMTP for the claims domain, stores the raw message in
 * S3 under incoming/ with the Authentication-Results SES prepends (its verdicts are the message's
 * `X-SES-<Name>-Verdict` headers, PASS where there is none), and delivers the SNS-in-SQS event of
 * the deployed design to the intake handler, retrying failures as SQS would (the deployed queue's
 * maxReceiveCount), then keeping the message in a local dead-letter list, as the dead-letter queue would.
 */
export async function startSesReceiving(options: SesReceivingOptions): Promise<SesReceiving> {
  const pending = new Set<Promise<void>>();
  const deadLetters: DeadLetter[] = [];
  const functionTimeoutMs = options.functionTimeoutMs ?? INTAKE_TIMEOUT_MS;
  const domain = options.domain.toLowerCase();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${domain}`)) return callback();
      const refusal = Object.assign(new Error(`Mailbox unavailable: not a ${domain} address`), { responseCode: 550 });
      return callback(refusal);
    },
    onData(stream, session, callback) {
      const mailFrom = session.envelope.mailFrom;
      const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const verdicts = verdictsFromHeaders(raw);
        const envelopeSender = mailFrom ? mailFrom.address : '';
        const stored = Buffer.concat([Buffer.from(sesAuthenticationResults(verdicts, envelopeSender), 'latin1'), raw]);
        const sesMessageId = randomBytes(16).toString('hex');
        const objectKey = `${OBJECT_KEY_PREFIX}${sesMessageId}`;
        options.s3
          .send(new PutObjectCommand({ Bucket: options.bucket, Key: objectKey, Body: stored }))
          .then(() => {
            callback(null, `Ok ${sesMessageId}`);
            const notification = sesReceiptNotification({
              sesMessageId,
              timestamp: new Date(),
              envelopeSender,
              recipients,
              bucket: options.bucket,
              objectKey,
              objectKeyPrefix: OBJECT_KEY_PREFIX,
              topicArn: TOPIC_ARN,
              verdicts,
            });
            const delivery = (async () => {
              const record = queuedReceiptRecord(notification, TOPIC_ARN, QUEUE_ARN);
              const { attempts, failed } = await deliverQueuedRecord(options.deliver, functionTimeoutMs, record);
              if (failed) {
                deadLetters.push({ sesMessageId, objectKey, attempts, deadLetteredAt: new Date() });
                if (options.deadLetterDirectory) await keepDeadLetter(options.deadLetterDirectory, deadLetterOf(record, attempts));
              }
              await options.onProcessed?.({ sesMessageId, objectKey, recipients, attempts, failed });
            })();
            pending.add(delivery);
            void delivery.finally(() => pending.delete(delivery));
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  const idle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    port,
    deadLetters: () => [...deadLetters],
    idle,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await idle();
    },
  };
}

/**
 * Delivers a queue message as SQS does: the same message each time, its receive count going up,
 * until the handler reports it done or it has been received MAX_RECEIVE_COUNT times.
 */
export async function deliverQueuedRecord(
  deliver: DeliverToIntake,
  functionTimeoutMs: number,
  record: SQSRecord,
): Promise<{ readonly attempts: number; readonly failed: boolean }> {
  for (let attempt = 1; attempt <= MAX_RECEIVE_COUNT; attempt += 1) {
    const event = { Records: [{ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(attempt) } }] };
    const response = await deliver(event, invocationContext(functionTimeoutMs)).catch(() => undefined);
    if (response && response.batchItemFailures.length === 0) return { attempts: attempt, failed: false };
  }
  return { attempts: MAX_RECEIVE_COUNT, failed: true };
}

function deadLetterOf(record: SQSRecord, attempts: number) {
  return { id: record.messageId, body: record.body, sentAt: new Date(Number(record.attributes.SentTimestamp)).toISOString(), receiveCount: attempts };
}
