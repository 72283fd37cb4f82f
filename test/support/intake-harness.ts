import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import { createAwsClients, type AwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import type { Verdicts } from '../../functions/shared/domain/types.ts';
import type { FunctionUrlServer } from '../../bin/local/function-url-server.ts';
import { localIntakeEnvironment } from '../../bin/local/intake-environment.ts';
import { INTAKE_TIMEOUT_MS, invocationContext } from '../../bin/local/lambda-context.ts';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { startLocalStatusPage } from '../../bin/local/local-status-page.ts';
import { PASSING_VERDICTS } from './contexts.ts';

/** Third-party event payloads as AWS delivers them (aws-lambda-go testdata). */
const AWS_EVENTS = path.resolve('test', 'fixtures', 'third-party', 'aws-events');

/** Each invocation has the deployed intake's timeout. */

export interface Delivery {
  readonly recipients?: readonly string[];
  readonly envelopeSender?: string;
  readonly verdicts?: Partial<Verdicts>;
}

export interface IntakeHarness {
  readonly aws: LocalAws;
  readonly clients: AwsClients;
  readonly claims: DynamoClaimRepository;
  readonly handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  /** The status page function behind its local function URL, which the replies link to. */
  readonly statusPage: FunctionUrlServer;
  /** Stores the raw message as SES would and builds the queued notification event for it. */
  receive(raw: Buffer, delivery?: Delivery): Promise<{ readonly event: SQSEvent; readonly sesMessageId: string }>;
  /** An SQS record, shaped as AWS delivers it, around any body. */
  queueRecord(messageId: string, body: string): SQSRecord;
  stop(): Promise<void>;
}

/**
 * The deployed intake against the local emulators: members from the sample CSV, the handlers
 * imported after the environment is set (they read their configuration at load, as on Lambda).
 */
export async function startIntakeHarness(): Promise<IntakeHarness> {
  const aws = await startLocalAws();
  let statusPage: FunctionUrlServer | undefined;
  const stop = async () => {
    await statusPage?.close();
    await aws.stop();
  };
  try {
    Object.assign(process.env, localIntakeEnvironment(aws));
    statusPage = await startLocalStatusPage(0);
    Object.assign(process.env, localIntakeEnvironment(aws, statusPage.url));
    const config = parseIntakeConfig(process.env);
    const clients = createAwsClients(config);
    const directory = new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE);
    const members = parseMembersCsv(await readFile(path.resolve('test/fixtures/members.csv'), 'utf8'));
    for (const member of members) await directory.save(member);
    const { handler } = await import('../../functions/intake/handler.ts');
    const templates = await loadEventTemplates();
    return {
      aws,
      clients,
      claims: new DynamoClaimRepository(clients.dynamo, config.CLAIMS_TABLE),
      handler: (event) => handler(event, invocationContext(INTAKE_TIMEOUT_MS)),
      statusPage,
      async receive(raw, delivery = {}) {
        const sesMessageId = randomBytes(10).toString('hex');
        const objectKey = `incoming/${sesMessageId}`;
        await clients.s3.send(new PutObjectCommand({ Bucket: config.CLAIMS_BUCKET, Key: objectKey, Body: raw }));
        const notification = receiptNotification(templates, {
          sesMessageId,
          bucket: config.CLAIMS_BUCKET,
          objectKey,
          recipients: delivery.recipients ?? ['claims@claims.example.org'],
          envelopeSender: delivery.envelopeSender ?? 'sender@example.com',
          verdicts: { ...PASSING_VERDICTS, ...delivery.verdicts },
        });
        return { event: queuedEvent(templates, notification), sesMessageId };
      },
      queueRecord: (messageId, body) => ({ ...templates.sqs, messageId, body }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface EventTemplates {
  readonly ses: { mail: Record<string, unknown>; receipt: Record<string, unknown> };
  readonly sns: Record<string, unknown>;
  readonly sqs: SQSRecord;
}

async function loadEventTemplates(): Promise<EventTemplates> {
  const read = async (name: string) => JSON.parse(await readFile(path.join(AWS_EVENTS, name), 'utf8'));
  const [sesS3, sns, sqs] = await Promise.all([read('ses-s3-event.json'), read('sns-event.json'), read('sqs-event.json')]);
  return { ses: sesS3.Records[0].ses, sns: sns.Records[0].Sns, sqs: sqs.Records[0] };
}

/**
 * AWS's SES S3-action receipt, re-pointed at our object: the notification SES publishes to SNS.
 * The domain's DMARC policy is the delivery's, never the example's (`reject`, beside a PASS).
 */
function receiptNotification(
  templates: EventTemplates,
  mail: { sesMessageId: string; bucket: string; objectKey: string; recipients: readonly string[]; envelopeSender: string; verdicts: Verdicts },
): Record<string, unknown> {
  const { dmarcPolicy: _examplePolicy, ...receipt } = templates.ses.receipt;
  return {
    notificationType: 'Received',
    mail: { ...templates.ses.mail, messageId: mail.sesMessageId, source: mail.envelopeSender, destination: mail.recipients },
    receipt: {
      ...receipt,
      recipients: mail.recipients,
      spamVerdict: { status: mail.verdicts.spam },
      virusVerdict: { status: mail.verdicts.virus },
      spfVerdict: { status: mail.verdicts.spf },
      dkimVerdict: { status: mail.verdicts.dkim },
      dmarcVerdict: { status: mail.verdicts.dmarc },
      ...(mail.verdicts.dmarcPolicy ? { dmarcPolicy: mail.verdicts.dmarcPolicy } : {}),
      action: { ...(receipt.action as object), bucketName: mail.bucket, objectKey: mail.objectKey, objectKeyPrefix: 'incoming/' },
    },
  };
}

/** SNS notification (raw delivery off) in an SQS record, from AWS's own event samples. */
function queuedEvent(templates: EventTemplates, notification: Record<string, unknown>): SQSEvent {
  const { Subject: _subject, MessageAttributes: _attributes, ...sns } = templates.sns;
  const body = JSON.stringify({ ...sns, Message: JSON.stringify(notification) });
  return { Records: [{ ...templates.sqs, messageId: randomBytes(8).toString('hex'), body }] };
}

export async function fixture(relativePath: string): Promise<Buffer> {
  return readFile(path.resolve('test/fixtures', relativePath));
}
