import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimsIntakeProgram } from '../../../bin/cli/claims-intake-program.ts';
import { runProgram } from '../../../bin/cli/program.ts';
import { deadLetterLines } from '../../../bin/cli/dlq-cli.ts';
import { listDeadLetters, replayDeadLetters } from '../../../bin/cli/dead-letters.ts';
import { InputError } from '../../../bin/cli/usage-error.ts';
import { claimRecord } from '../../support/claim-records.ts';
import { describedStack } from '../../support/described-stack.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';

// No emulator answers SQS here: ReceiveMessage, SendMessage and DeleteMessage are answered as the
// SQS API Reference documents them.
const sqsMock = mockClient(SQSClient);
const sqs = new SQSClient({ region: 'eu-west-1' });

const DEAD_LETTER_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/ClaimsIntake-IntakeDeadLetterQueue';
const INTAKE_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/ClaimsIntake-IntakeQueue';

/** Event payloads as AWS delivers them (aws-lambda-go testdata). */
const awsEvent = (name: string) => JSON.parse(readFileSync(path.resolve('test', 'fixtures', 'third-party', 'aws-events', name), 'utf8'));
const S3_ACTION = awsEvent('ses-s3-event.json').Records[0].ses;
const SNS_NOTIFICATION = awsEvent('sns-event.json').Records[0].Sns;
/** What the receipt rule's topic delivers to the intake queue for one received message. */
const RECEIPT_BODY = JSON.stringify({ ...SNS_NOTIFICATION, Message: JSON.stringify({ notificationType: 'Received', mail: S3_ACTION.mail, receipt: S3_ACTION.receipt }) });
const SES_MESSAGE_ID: string = S3_ACTION.mail.messageId;
const RAW_OBJECT = `s3://${S3_ACTION.receipt.action.bucketName}/${S3_ACTION.receipt.action.objectKey}`;

const receivedMessage = (id: string, body: string) => ({
  MessageId: id,
  ReceiptHandle: `AQEB${id}-handle`,
  MD5OfBody: 'fce0ea8dd236ccb3ed9b37dae260836f',
  Body: body,
  Attributes: { SentTimestamp: '1765090800000', ApproximateReceiveCount: '6' },
});
const RECEIPT_LETTER = receivedMessage('5fea7756-0ea4-451a-a703-a558b933e274', RECEIPT_BODY);
const TEXT_LETTER = receivedMessage('b1c2d3e4-0000-4a5b-8c9d-0e1f2a3b4c5d', 'Message Body');

afterEach(() => {
  sqsMock.reset();
});

describe('dlq list', () => {
  it('reads every message without taking it, and says which claim or raw message each is and what is known of the error', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [RECEIPT_LETTER, TEXT_LETTER] }).resolves({ Messages: [TEXT_LETTER] });
    const claims = new InMemoryClaimRepository();
    await claims.seed(claimRecord({ sesMessageId: SES_MESSAGE_ID }));

    const entries = await listDeadLetters(sqs, DEAD_LETTER_QUEUE, claims, 100);

    expect(entries).toEqual([
      {
        id: RECEIPT_LETTER.MessageId,
        sentAt: '2025-12-07T07:00:00.000Z',
        receiveCount: 6,
        sesMessageId: SES_MESSAGE_ID,
        rawObject: RAW_OBJECT,
        claim: { reference: 'CLM-2026-7K3F9Q', status: 'RECEIVED', reasons: ['member number found in subject', 'treatment location KH, routed to MAI'] },
        error: 'recorded as RECEIVED, then the intake failed before finishing it',
      },
      {
        id: TEXT_LETTER.MessageId,
        sentAt: '2025-12-07T07:00:00.000Z',
        receiveCount: 6,
        error: 'the message is not an SES receipt notification, the intake cannot read it: not JSON',
      },
    ]);
    const receives = sqsMock.commandCalls(ReceiveMessageCommand).map((call) => call.args[0].input);
    expect(receives).toHaveLength(2);
    expect(receives[0]).toEqual({
      QueueUrl: DEAD_LETTER_QUEUE,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['SentTimestamp', 'ApproximateReceiveCount'],
    });
    expect(sqsMock.commandCalls(DeleteMessageCommand)).toEqual([]);
  });

  it('says when the intake recorded no claim of the message, and prints one block per message', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [RECEIPT_LETTER] }).resolves({});

    const [entry] = await listDeadLetters(sqs, DEAD_LETTER_QUEUE, new InMemoryClaimRepository(), 100);

    expect(deadLetterLines(entry!)).toEqual([
      `${RECEIPT_LETTER.MessageId}  sent 2025-12-07T07:00:00.000Z  received 6 times`,
      `  message: ${SES_MESSAGE_ID}  raw: ${RAW_OBJECT}`,
      '  error:   no claim was recorded: the intake failed before recording it (its log, by SES message id, says why)',
    ]);
  });

  it('stops at the limit', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [RECEIPT_LETTER] });

    const entries = await listDeadLetters(sqs, DEAD_LETTER_QUEUE, new InMemoryClaimRepository(), 1);

    expect(entries.map((entry) => entry.id)).toEqual([RECEIPT_LETTER.MessageId]);
    expect(sqsMock.commandCalls(ReceiveMessageCommand).map((call) => call.args[0].input.MaxNumberOfMessages)).toEqual([1]);
  });
});

describe('dlq replay', () => {
  const queues = { deadLetterQueueUrl: DEAD_LETTER_QUEUE, intakeQueueUrl: INTAKE_QUEUE };

  it('sends the one message named back to the intake queue as it was, then deletes it from the dead-letter queue', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [RECEIPT_LETTER, TEXT_LETTER] }).resolves({});
    sqsMock.on(SendMessageCommand).resolves({ MessageId: '7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f', MD5OfMessageBody: '0123456789abcdef0123456789abcdef' });
    sqsMock.on(DeleteMessageCommand).resolves({});

    const replayed = await replayDeadLetters(sqs, queues, { id: RECEIPT_LETTER.MessageId, limit: 100 });

    expect(replayed).toEqual([RECEIPT_LETTER.MessageId]);
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([{ QueueUrl: INTAKE_QUEUE, MessageBody: RECEIPT_BODY }]);
    expect(sqsMock.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: DEAD_LETTER_QUEUE, ReceiptHandle: RECEIPT_LETTER.ReceiptHandle },
    ]);
    expect(sqsMock.commandCalls(ReceiveMessageCommand)[0]?.args[0].input.VisibilityTimeout).toBe(60);
  });

  it('replays every message with --all, each sent before it is deleted', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [RECEIPT_LETTER, TEXT_LETTER] }).resolves({});
    sqsMock.on(SendMessageCommand).resolves({ MessageId: '7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f' });
    sqsMock.on(DeleteMessageCommand).resolves({});

    const replayed = await replayDeadLetters(sqs, queues, { limit: 100 });

    expect(replayed).toEqual([RECEIPT_LETTER.MessageId, TEXT_LETTER.MessageId]);
    expect(sqsMock.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'ReceiveMessageCommand',
      'ReceiveMessageCommand',
      'SendMessageCommand',
      'DeleteMessageCommand',
      'SendMessageCommand',
      'DeleteMessageCommand',
    ]);
  });

  it('keeps a message in the dead-letter queue when sending it back fails', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [RECEIPT_LETTER] }).resolves({});
    sqsMock.on(SendMessageCommand).rejects(Object.assign(new Error('Access to the resource is denied.'), { name: 'AccessDenied' }));

    await expect(replayDeadLetters(sqs, queues, { limit: 100 })).rejects.toThrow('Access to the resource is denied.');
    expect(sqsMock.commandCalls(DeleteMessageCommand)).toEqual([]);
  });

  it('replays nothing when the id named is not in the queue', async () => {
    sqsMock.on(ReceiveMessageCommand).resolvesOnce({ Messages: [TEXT_LETTER] }).resolves({});

    await expect(replayDeadLetters(sqs, queues, { id: 'not-there', limit: 100 })).rejects.toEqual(
      new InputError('no message not-there in the dead-letter queue (dlq list shows their ids)'),
    );
    expect(sqsMock.commandCalls(SendMessageCommand)).toEqual([]);
  });
});

describe('dlq replay --stack', () => {
  // No emulator answers CloudFormation: DescribeStacks is answered as the API Reference documents it.
  const cloudFormation = mockClient(CloudFormationClient);

  afterEach(() => {
    cloudFormation.reset();
  });

  it("finds both queues in the stack's outputs and says which messages it replayed", async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'ClaimsIntake' }).resolves(
      describedStack({ ClaimsTableName: 'ClaimsIntake-ClaimsTable4D5E6F-XYZ', IntakeQueueUrl: INTAKE_QUEUE, IntakeDeadLetterQueueUrl: DEAD_LETTER_QUEUE }),
    );
    sqsMock.on(ReceiveMessageCommand, { QueueUrl: DEAD_LETTER_QUEUE }).resolvesOnce({ Messages: [RECEIPT_LETTER] }).resolves({});
    sqsMock.on(SendMessageCommand).resolves({ MessageId: '7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f' });
    sqsMock.on(DeleteMessageCommand).resolves({});
    let stdout = '';
    vi.spyOn(console, 'log').mockImplementation((line: string) => void (stdout += `${line}\n`));

    const exitCode = await runProgram(claimsIntakeProgram(), ['dlq', 'replay', '--all', '--stack', 'ClaimsIntake', '--region', 'eu-west-1']);
    vi.restoreAllMocks();

    expect({ exitCode, stdout }).toEqual({ exitCode: 0, stdout: `replayed ${RECEIPT_LETTER.MessageId}\n` });
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input.QueueUrl)).toEqual([INTAKE_QUEUE]);
    expect(sqsMock.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input.QueueUrl)).toEqual([DEAD_LETTER_QUEUE]);
  });
});
