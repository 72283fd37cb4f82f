import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localClientConfig, localS3ClientConfig } from '../../bin/local/client-config.ts';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { listensOnPort } from '../../bin/local/port-owner.ts';
import { CLAIMS_TABLE_DESIGN, MEMBERS_TABLE_DESIGN, claimKey, memberKey } from '../../functions/shared/adapters/table-design.ts';

const fixture = (path: string) => new URL(`../fixtures/third-party/${path}`, import.meta.url);
const INVOICE_PDF = fixture('invoices/invoice2data-AzureInterior.pdf');
const FAX_TIFF = fixture('fax/libtiff-fax2d-g3.tif');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const portOf = (endpoint: string) => Number(new URL(endpoint).port);

interface ProcessStatus {
  readonly pid: number;
  readonly command: string;
  readonly state: string;
  readonly parentPid: number;
}

/** Reads /proc/<pid>/stat: "pid (command) state parentPid ...", where the command may hold spaces. */
async function processStatus(pid: number | string): Promise<ProcessStatus | undefined> {
  const line = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (line === undefined) {
    return undefined;
  }
  const commandEnd = line.lastIndexOf(')');
  const [state = '', parentPid = ''] = line.slice(commandEnd + 2).split(' ');
  return { pid: Number(pid), command: line.slice(line.indexOf('(') + 1, commandEnd), state, parentPid: Number(parentPid) };
}

async function javaChildrenOf(parentPid: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const statuses = await Promise.all(pids.map(processStatus));
  return statuses.flatMap((status) => (status?.parentPid === parentPid && status.command === 'java' && status.state !== 'Z' ? [status.pid] : []));
}

/** A zombie (exited, not yet reaped by its new parent) no longer runs. */
async function isRunning(pid: number): Promise<boolean> {
  const status = await processStatus(pid);
  return status !== undefined && status.state !== 'Z';
}

describe('startLocalAws', () => {
  let aws: LocalAws;
  let dynamodb: DynamoDBClient;
  let documents: DynamoDBDocumentClient;
  let s3: S3Client;
  let ses: SESv2Client;

  beforeAll(async () => {
    aws = await startLocalAws();
    dynamodb = new DynamoDBClient(localClientConfig(aws.endpoints.dynamodb));
    documents = DynamoDBDocumentClient.from(dynamodb);
    s3 = new S3Client(localS3ClientConfig(aws.endpoints.s3));
    ses = new SESv2Client(localClientConfig(aws.endpoints.ses));
  });

  afterAll(async () => {
    for (const client of [dynamodb, s3, ses]) {
      client?.destroy();
    }
    await aws?.stop();
  });

  it('creates both tables with the key design of table-design.ts, billed per request', async () => {
    const members = (await dynamodb.send(new DescribeTableCommand({ TableName: aws.resources.membersTable }))).Table;
    const claims = (await dynamodb.send(new DescribeTableCommand({ TableName: aws.resources.claimsTable }))).Table;

    expect(members?.TableStatus).toBe('ACTIVE');
    expect(members?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(members?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = members?.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection, IndexStatus }) => ({ IndexName, KeySchema, Projection, IndexStatus }));
    expect(indexes).toEqual([
      { IndexName: 'byEmail', KeySchema: [{ AttributeName: 'emailKey', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, IndexStatus: 'ACTIVE' },
      { IndexName: 'byFax', KeySchema: [{ AttributeName: 'faxNumber', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, IndexStatus: 'ACTIVE' },
    ]);
    expect(claims?.TableStatus).toBe('ACTIVE');
    expect(claims?.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema }) => ({ IndexName, KeySchema }))).toEqual([
      {
        IndexName: 'byMember',
        KeySchema: [
          { AttributeName: 'memberId', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
      },
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
      },
    ]);
  });

  it('stores a member, reads it back by key and finds it through the email index', async () => {
    const member = { ...memberKey('CFE-100234'), memberId: 'CFE-100234', lastName: 'Dupont', emailKey: 'jeanne.dupont@example.fr' };
    await documents.send(new PutCommand({ TableName: aws.resources.membersTable, Item: member }));

    const read = await documents.send(new GetCommand({ TableName: aws.resources.membersTable, Key: memberKey('CFE-100234') }));
    const found = await documents.send(
      new QueryCommand({
        TableName: aws.resources.membersTable,
        IndexName: MEMBERS_TABLE_DESIGN.emailIndex.name,
        KeyConditionExpression: 'emailKey = :email',
        ExpressionAttributeValues: { ':email': 'jeanne.dupont@example.fr' },
      }),
    );

    expect(read.Item).toEqual(member);
    expect(found.Items).toEqual([member]);
  });

  it("lists a member's claims through the member index in creation order", async () => {
    const later = { ...claimKey('CLM-2026-000002'), memberId: 'CFE-200417', createdAt: '2026-03-14T09:30:00.000Z' };
    const earlier = { ...claimKey('CLM-2026-000001'), memberId: 'CFE-200417', createdAt: '2026-03-02T16:05:00.000Z' };
    const otherMember = { ...claimKey('CLM-2026-000003'), memberId: 'CFE-300981', createdAt: '2026-03-05T11:00:00.000Z' };
    for (const claim of [later, earlier, otherMember]) {
      await documents.send(new PutCommand({ TableName: aws.resources.claimsTable, Item: claim }));
    }

    const found = await documents.send(
      new QueryCommand({
        TableName: aws.resources.claimsTable,
        IndexName: CLAIMS_TABLE_DESIGN.memberIndex.name,
        KeyConditionExpression: 'memberId = :member',
        ExpressionAttributeValues: { ':member': 'CFE-200417' },
      }),
    );

    expect(found.Items).toEqual([earlier, later]);
  });

  it('returns objects byte-identical whether uploaded from a buffer or a stream', async () => {
    const fax = await readFile(FAX_TIFF);
    const invoice = await readFile(INVOICE_PDF);

    await s3.send(new PutObjectCommand({ Bucket: aws.resources.bucket, Key: 'inbound/fax.tif', Body: fax }));
    await s3.send(
      new PutObjectCommand({
        Bucket: aws.resources.bucket,
        Key: 'inbound/invoice.pdf',
        Body: createReadStream(INVOICE_PDF),
        ContentLength: (await stat(INVOICE_PDF)).size,
      }),
    );
    const read = async (key: string) => {
      const object = await s3.send(new GetObjectCommand({ Bucket: aws.resources.bucket, Key: key }));
      return object.Body?.transformToByteArray();
    };

    const [storedFax, storedInvoice] = await Promise.all([read('inbound/fax.tif'), read('inbound/invoice.pdf')]);
    expect(storedFax?.byteLength).toBe(32_817);
    expect(sha256(storedFax ?? new Uint8Array())).toBe(sha256(fax));
    expect(storedInvoice?.byteLength).toBe(40_907);
    expect(sha256(storedInvoice ?? new Uint8Array())).toBe(sha256(invoice));
  });

  it('keeps a raw email sent through SES v2 in the outbox with its PDF attachment byte-identical, until cleared', async () => {
    const invoice = await readFile(INVOICE_PDF);
    const raw = await new MailComposer({
      from: '"Clinique du Parc" <facturation@clinique-du-parc.example>',
      to: 'claims@intake.example',
      subject: 'Facture – séjour du 12 mars',
      text: 'Veuillez trouver ci-joint la facture.',
      attachments: [{ filename: 'facture-0312.pdf', content: invoice, contentType: 'application/pdf' }],
    })
      .compile()
      .build();

    const { MessageId } = await ses.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
    const sent = (await aws.outbox.list()).find((email) => email.messageId === MessageId);

    expect(sent?.from).toBe('"Clinique du Parc" <facturation@clinique-du-parc.example>');
    expect(sent?.destination.to).toEqual(['claims@intake.example']);
    expect(sent?.subject).toBe('Facture – séjour du 12 mars');
    expect(sent?.body.text).toBe('Veuillez trouver ci-joint la facture.');
    expect(sent?.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size }))).toEqual([
      { filename: 'facture-0312.pdf', contentType: 'application/pdf', size: 40_907 },
    ]);
    expect(sha256(Buffer.from(sent?.attachments[0]?.content ?? '', 'base64'))).toBe(sha256(invoice));

    await aws.outbox.clear();
    expect(await aws.outbox.list()).toEqual([]);
  });

  it('serves the outbox web page', async () => {
    const page = await fetch(aws.outbox.webUrl);

    expect(aws.outbox.webUrl).toBe(`${aws.endpoints.ses}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('gives the intake an environment that SDK clients built without options follow to the emulators', async () => {
    for (const [name, value] of Object.entries(aws.env)) {
      vi.stubEnv(name, value);
    }
    const envS3 = new S3Client();
    const envDynamodb = new DynamoDBClient();
    const envSes = new SESv2Client();
    const envSecrets = new SecretsManagerClient();
    const invoice = await readFile(INVOICE_PDF);
    try {
      await envS3.send(
        new PutObjectCommand({
          Bucket: aws.env['CLAIMS_BUCKET'],
          Key: 'env/invoice.pdf',
          Body: createReadStream(INVOICE_PDF),
          ContentLength: invoice.byteLength,
        }),
      );
      const stored = await envS3.send(new GetObjectCommand({ Bucket: aws.env['CLAIMS_BUCKET'], Key: 'env/invoice.pdf' }));
      const tables = await envDynamodb.send(new ListTablesCommand({}));
      const { MessageId } = await envSes.send(
        new SendEmailCommand({
          FromEmailAddress: 'intake@claims.example',
          Destination: { ToAddresses: ['jeanne.dupont@example.fr'] },
          Content: { Simple: { Subject: { Data: 'Accusé de réception' }, Body: { Text: { Data: 'Votre demande est enregistrée.' } } } },
        }),
      );

      expect(sha256((await stored.Body?.transformToByteArray()) ?? new Uint8Array())).toBe(sha256(invoice));
      expect(tables.TableNames).toEqual([aws.env['CLAIMS_TABLE'], aws.env['MEMBERS_TABLE']]);
      const sent = (await aws.outbox.list()).find((email) => email.messageId === MessageId);
      expect(sent?.destination.to).toEqual(['jeanne.dupont@example.fr']);
      expect(sent?.subject).toBe('Accusé de réception');
      const statusLinkKey = await envSecrets.send(new GetSecretValueCommand({ SecretId: aws.env['STATUS_LINK_SECRET_ARN'] }));
      expect(statusLinkKey.ARN).toBe(aws.resources.statusLinkSecret);
      expect(statusLinkKey.SecretString).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      vi.unstubAllEnvs();
      for (const client of [envS3, envDynamodb, envSes, envSecrets]) {
        client.destroy();
      }
    }
  });

  it('serves DynamoDB from the JVM it started, which stop() ends along with every server', async () => {
    const [jvm, ...others] = await javaChildrenOf(process.pid);
    expect(others).toEqual([]);
    expect(jvm).toBeTypeOf('number');
    const jvmPid = jvm ?? 0;
    expect(await listensOnPort(jvmPid, portOf(aws.endpoints.dynamodb))).toBe(true);
    expect(await listensOnPort(process.pid, portOf(aws.endpoints.dynamodb))).toBe(false);
    expect(await listensOnPort(process.pid, portOf(aws.endpoints.s3))).toBe(true);

    await aws.stop();

    expect(await isRunning(jvmPid)).toBe(false);
    expect(await javaChildrenOf(process.pid)).toEqual([]);
    for (const endpoint of Object.values(aws.endpoints)) {
      await expect(fetch(endpoint)).rejects.toThrow('fetch failed');
    }
    await expect(aws.stop()).resolves.toBeUndefined();
  });
});

/** A Node process loading TypeScript and starting a JVM: several seconds on a busy machine. */
const ABANDONING_PROCESS_TEST_TIMEOUT_MS = 60_000;

describe('a process that started the emulators', { timeout: ABANDONING_PROCESS_TEST_TIMEOUT_MS }, () => {
  /**
   * Starts the emulators in a separate Node process, with its own temporary folder, that prints
   * "ready" and then leaves without stopping them: by process.exit() when its stdin ends, or by
   * the signal it is sent.
   */
  async function startAbandoningProcess() {
    const temporaryFolder = await mkdtemp(join(tmpdir(), 'local-aws-test-'));
    const script = `
      const { startLocalAws } = await import(${JSON.stringify(new URL('../../bin/local/local-aws.ts', import.meta.url).href)});
      await startLocalAws();
      process.stdin.on('end', () => process.exit(0)).resume();
      process.stdout.write('ready\\n');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      env: { ...process.env, TMPDIR: temporaryFolder },
    });
    let errorOutput = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errorOutput += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      void exited.then(({ code, signal }) => {
        reject(new Error(`The process ended before it was ready (${signal ?? code}):\n${errorOutput}`));
      });
    });
    return { child, exited, temporaryFolder, jvms: await javaChildrenOf(child.pid ?? 0) };
  }

  /** Other tools (tsx's cache) write there too. */
  const s3Folders = async (temporaryFolder: string) => (await readdir(temporaryFolder)).filter((name) => name.startsWith('claims-intake-s3-'));

  it.each([
    { ending: 'exits by itself', end: (child: ChildProcess) => child.stdin?.end(), expectedExit: { code: 0, signal: null } },
    { ending: 'is interrupted', end: (child: ChildProcess) => child.kill('SIGINT'), expectedExit: { code: null, signal: 'SIGINT' } },
  ])('leaves no JVM nor S3 folder behind when it $ending without stopping them, and ends as it would have', async ({ end, expectedExit }) => {
    const { child, exited, temporaryFolder, jvms } = await startAbandoningProcess();
    try {
      expect(jvms).toHaveLength(1);
      expect(await s3Folders(temporaryFolder)).toHaveLength(1);

      end(child);

      expect(await exited).toEqual(expectedExit);
      await vi.waitFor(async () => expect(await isRunning(jvms[0] ?? 0)).toBe(false), { timeout: 5_000, interval: 50 });
      expect(await s3Folders(temporaryFolder)).toEqual([]);
    } finally {
      await rm(temporaryFolder, { recursive: true, force: true });
    }
  });
});
