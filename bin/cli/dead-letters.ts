import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { ClaimRecord, ClaimRepository } from '../../functions/shared/domain/claim.ts';
import { parseQueuedSesNotification } from '../../functions/shared/events/ses-receipt.ts';
import { InputError } from './usage-error.ts';

/** The most messages SQS returns to one ReceiveMessage. */
const SQS_MAX_MESSAGES_PER_RECEIVE = 10;

/**
 * How long a message read for a replay stays hidden from other readers: long enough to send it
 * to the intake queue and delete it, short enough that a replay stopped half-way leaves the
 * message back in the dead-letter queue within the minute.
 */
const REPLAY_VISIBILITY_SECONDS = 60;

/** One message in the intake dead-letter queue, and what the claims table says of it. */
export interface DeadLetterEntry {
  /** SQS's id of the message in the dead-letter queue: what `dlq replay <id>` takes. */
  readonly id: string;
  /** When the message was first sent to the intake queue. */
  readonly sentAt?: string;
  /** How many times the intake received it before it was moved here. */
  readonly receiveCount?: number;
  readonly sesMessageId?: string;
  /** Where the raw message is kept. */
  readonly rawObject?: string;
  readonly claim?: { readonly reference: string; readonly status: string; readonly reasons: readonly string[] };
  /** What is known of why the intake could not finish it. */
  readonly error: string;
}

interface Queues {
  readonly deadLetterQueueUrl: string;
  readonly intakeQueueUrl: string;
}

/**
 * Reads the dead-letter queue without taking its messages: each is received with a visibility
 * timeout of 0, so it stays there for the alarm and for a replay. SQS samples its servers on each
 * receive, so reading goes on until a receive brings nothing new.
 */
export async function listDeadLetters(sqs: SQSClient, queueUrl: string, claims: ClaimRepository, limit: number): Promise<DeadLetterEntry[]> {
  const messages = await receiveAll(sqs, queueUrl, 0, limit);
  return Promise.all(messages.map((message) => describeDeadLetter(message, claims)));
}

/**
 * Sends dead letters back to the intake queue, then deletes them from the dead-letter queue. The
 * intake keys a claim by its SES message id: a message it recorded already changes nothing.
 * Returns the ids replayed; an id not found is an input error, and nothing is replayed.
 */
export async function replayDeadLetters(sqs: SQSClient, queues: Queues, selection: { readonly id?: string; readonly limit: number }): Promise<string[]> {
  const messages = await receiveAll(sqs, queues.deadLetterQueueUrl, REPLAY_VISIBILITY_SECONDS, selection.limit);
  const chosen = selection.id === undefined ? messages : messages.filter((message) => message.MessageId === selection.id);
  if (selection.id !== undefined && chosen.length === 0) throw new InputError(`no message ${selection.id} in the dead-letter queue (dlq list shows their ids)`);
  const replayed: string[] = [];
  for (const message of chosen) {
    await sqs.send(new SendMessageCommand({ QueueUrl: queues.intakeQueueUrl, MessageBody: required(message.Body, 'body') }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queues.deadLetterQueueUrl, ReceiptHandle: required(message.ReceiptHandle, 'receipt handle') }));
    replayed.push(required(message.MessageId, 'id'));
  }
  return replayed;
}

async function receiveAll(sqs: SQSClient, queueUrl: string, visibilityTimeout: number, limit: number): Promise<Message[]> {
  const byId = new Map<string, Message>();
  while (byId.size < limit) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(SQS_MAX_MESSAGES_PER_RECEIVE, limit - byId.size),
        VisibilityTimeout: visibilityTimeout,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['SentTimestamp', 'ApproximateReceiveCount'],
      }),
    );
    const fresh = (Messages ?? []).filter((message) => message.MessageId !== undefined && !byId.has(message.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) byId.set(message.MessageId as string, message);
  }
  return [...byId.values()].slice(0, limit);
}

async function describeDeadLetter(message: Message, claims: ClaimRepository): Promise<DeadLetterEntry> {
  const sentTimestamp = Number(message.Attributes?.SentTimestamp);
  const receiveCount = Number(message.Attributes?.ApproximateReceiveCount);
  const base = {
    id: required(message.MessageId, 'id'),
    ...(Number.isFinite(sentTimestamp) && sentTimestamp > 0 ? { sentAt: new Date(sentTimestamp).toISOString() } : {}),
    ...(Number.isInteger(receiveCount) && receiveCount > 0 ? { receiveCount } : {}),
  };
  return describeQueuedMessage(base, message.Body ?? '', claims);
}

/** What the claims table says of a dead letter's body, a queue's or the local stack's. */
export async function describeQueuedMessage(
  base: Pick<DeadLetterEntry, 'id' | 'sentAt' | 'receiveCount'>,
  body: string,
  claims: ClaimRepository,
): Promise<DeadLetterEntry> {
  let received;
  try {
    received = parseQueuedSesNotification(body);
  } catch (error) {
    return { ...base, error: `the message is not an SES receipt notification, the intake cannot read it: ${(error as Error).message}` };
  }
  const identified = { ...base, sesMessageId: received.sesMessageId, rawObject: `s3://${received.bucket}/${received.objectKey}` };
  const claim = await claims.findByMessageId(received.sesMessageId);
  if (!claim) return { ...identified, error: 'no claim was recorded: the intake failed before recording it (its log, by SES message id, says why)' };
  return { ...identified, claim: claimSummary(claim), error: `recorded as ${claim.status}, then the intake failed before finishing it` };
}

const claimSummary = (claim: ClaimRecord) => ({ reference: claim.reference, status: claim.status, reasons: claim.reasons });

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`SQS returned a message without its ${what}`);
  return value;
}
