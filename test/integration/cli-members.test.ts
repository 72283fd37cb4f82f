import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { importMembers } from '../../bin/cli/members-import.ts';
import { localClientConfig } from '../../bin/local/client-config.ts';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { localStackOf, writeLocalStackFile } from '../../bin/local/local-stack-file.ts';
import { runClaimsIntake } from '../support/run-claims-intake.ts';

/** Each run starts Node and compiles the command: seconds, more on a busy machine. */
const COMMAND_TIMEOUT_MS = 60_000;
const HEADER = 'member_id,first_name,last_name,email,language,country,status,fax_numbers';
/** Rows of the large file; its peak memory must stay far below what holding them all would take. */
const LARGE_FILE_ROWS = 100_000;
/**
 * The JavaScript heap the large import is given: about twice what the command needs loaded
 * (tsx, commander, the AWS SDK). Holding the file's rows, its members or their DynamoDB items
 * would exceed it and crash the import.
 */
const HEAP_LIMIT_MB = 96;
/** Node, tsx and the AWS SDK take about 145 MB resident before the first row; the import measured 161 MB at its peak. */
const PEAK_MEMORY_LIMIT_KB = 200 * 1024;

let aws: LocalAws;
let directory: string;
let stackFile: string;

beforeAll(async () => {
  aws = await startLocalAws();
  directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-cli-members-'));
  stackFile = path.join(directory, 'local-stack.json');
  await writeLocalStackFile(localStackOf(aws), stackFile);
}, 60_000);

afterAll(async () => {
  await aws?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const claimsIntake = (...args: string[]) => runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stackFile } }, ...args);

async function membersFile(name: string, rows: readonly string[]): Promise<string> {
  const file = path.join(directory, name);
  await writeFile(file, [HEADER, ...rows, ''].join('\r\n'));
  return file;
}

const DUPONT = 'AB100001,Jean,Dupont,jean.dupont@example.fr,fr,FR,active,+33 1 42 68 53 00;+33 1 42 68 53 01';
const SMITH = 'AB100002,Ann,Smith,ann.smith@example.com,en,US,active,';
const MARTIN = 'AB100003,Luc,Martin,luc.martin@example.fr,fr,BE,suspended,';

// Each case has members of its own: they run at once.
describe.concurrent('members import and show', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('imports a good file, finds a member by number, email and fax, and counts what a second import leaves unchanged', async () => {
    const file = await membersFile('good.csv', [DUPONT, SMITH, MARTIN]);

    expect(await claimsIntake('members', 'import', file, '--local')).toEqual({
      exitCode: 0,
      stdout: 'created 3, updated 0, unchanged 0, skipped 0\n',
      stderr: '',
    });

    const dupont = [
      'member:    AB100001',
      'name:      Jean Dupont',
      'email:     jean.dupont@example.fr',
      'language:  fr',
      'country:   FR',
      'status:    active',
      'fax:       +33142685300, +33142685301',
      '',
    ].join('\n');
    expect(await claimsIntake('members', 'show', 'ab100001', '--local')).toEqual({ exitCode: 0, stdout: dupont, stderr: '' });
    expect((await claimsIntake('members', 'show', 'Jean.Dupont@example.fr', '--local')).stdout).toBe(dupont);
    expect((await claimsIntake('members', 'show', '+33142685301', '--local')).stdout).toBe(dupont);

    const again = await membersFile('again.csv', [DUPONT.replace(';+33 1 42 68 53 01', ''), SMITH, MARTIN]);
    expect(await claimsIntake('members', 'import', again, '--local')).toEqual({
      exitCode: 0,
      stdout: 'created 0, updated 1, unchanged 2, skipped 0\n',
      stderr: '',
    });
    expect(await claimsIntake('members', 'import', again, '--local')).toEqual({
      exitCode: 0,
      stdout: 'created 0, updated 0, unchanged 3, skipped 0\n',
      stderr: '',
    });
    // A number no longer in the file no longer identifies the member.
    expect(await claimsIntake('members', 'show', '+33142685301', '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: no member matches +33142685301\n',
    });
  });

  it('reports each bad row by line and reason, never its value, and imports nothing', async () => {
    const file = await membersFile('bad.csv', [
      'AB200001,Eve,Good,eve.good@example.fr,fr,FR,active,',
      'AB200002,Bad,Email,bad.email.example.fr,fr,FR,active,',
      'AB200003,Bad,Language,bad.language@example.fr,de,FR,active,',
      'AB200004,Bad,Fax,bad.fax@example.fr,en,GB,active,020 7946 0000',
      'AB200001,Eve,Again,eve.again@example.fr,fr,fr,active,',
    ]);

    expect(await claimsIntake('members', 'import', file, '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: [
        'Members CSV line 3, field email: not an email address',
        'Members CSV line 4, field language: expected fr or en',
        'Members CSV line 5, field fax_numbers: number 1 is not an international phone number (+CC...)',
        'Members CSV line 6, field country: expected an ISO 3166-1 alpha-2 code in capitals',
        'claims-intake: 4 rows with errors: nothing imported (--skip-invalid imports the others)',
        '',
      ].join('\n'),
    });
    expect((await claimsIntake('members', 'show', 'AB200001', '--local')).exitCode).toBe(2);
  });

  it('checks and compares without writing on --dry-run, and imports the good rows on --skip-invalid', async () => {
    const file = await membersFile('mixed.csv', [
      'AB300001,Eve,Good,eve.good@example.fr,fr,FR,active,',
      'AB300002,Bad,Email,bad.example.fr,fr,FR,active,',
      'AB300003,Max,Good,max.good@example.fr,en,DE,terminated,+49 30 901820',
    ]);

    expect(await claimsIntake('members', 'import', file, '--local', '--skip-invalid', '--dry-run')).toEqual({
      exitCode: 0,
      stdout: 'Dry run, nothing written: would have created 2, updated 0, unchanged 0, skipped 1\n',
      stderr: 'Members CSV line 3, field email: not an email address\n',
    });
    expect((await claimsIntake('members', 'show', 'AB300001', '--local')).exitCode).toBe(2);

    expect(await claimsIntake('members', 'import', file, '--local', '--skip-invalid')).toEqual({
      exitCode: 0,
      stdout: 'created 2, updated 0, unchanged 0, skipped 1\n',
      stderr: 'Members CSV line 3, field email: not an email address\n',
    });
    expect((await claimsIntake('members', 'show', 'AB300001', '--local')).stdout).toContain('member:    AB300001\n');
  });

  it('says in one line that a file is not CSV past a line, and that a file cannot be read', async () => {
    const file = await membersFile('broken.csv', ['AB400002,Ann,Closed,ann.closed@example.com,en,US,active,', 'AB400001,"Eve,Open,eve@example.fr,fr,FR,active,']);

    expect(await claimsIntake('members', 'import', file, '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: Members CSV line 3: the quoted field is never closed\n',
    });
    expect(await claimsIntake('members', 'import', path.join(directory, 'missing.csv'), '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `claims-intake: cannot read members file ${path.join(directory, 'missing.csv')}: ENOENT\n`,
    });
  });

  it(`imports ${LARGE_FILE_ROWS} rows in bounded memory`, async () => {
    const file = path.join(directory, 'large.csv');
    const out = createWriteStream(file);
    out.write(`${HEADER}\n`);
    for (let row = 0; row < LARGE_FILE_ROWS; row++) {
      const id = `LG${String(row).padStart(7, '0')}`;
      if (!out.write(`${id},First${row},Last${row},${id.toLowerCase()}@example.org,${row % 2 ? 'en' : 'fr'},FR,active,\n`)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const peakFile = path.join(directory, 'peak-memory');

    const result = await runClaimsIntake(
      {
        preloads: ['./test/support/report-peak-memory.ts'],
        env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stackFile, PEAK_MEMORY_FILE: peakFile, NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}` },
      },
      'members',
      'import',
      file,
      '--local',
    );

    expect(result).toEqual({
      exitCode: 0,
      stdout: `created ${LARGE_FILE_ROWS}, updated 0, unchanged 0, skipped 0\n`,
      stderr: Array.from({ length: 10 }, (_, index) => `imported ${(index + 1) * 10_000} of ${LARGE_FILE_ROWS} rows\n`).join(''),
    });
    const peakKb = Number(await readFile(peakFile, 'utf8'));
    console.log(`members import of ${LARGE_FILE_ROWS} rows: peak RSS ${Math.round(peakKb / 1024)} MB`);
    expect(peakKb).toBeLessThan(PEAK_MEMORY_LIMIT_KB);
  }, 180_000);

  it('sends again what DynamoDB leaves unprocessed, until every member is written', async () => {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(aws.endpoints.dynamodb, aws.env.AWS_REGION)));
    const table = aws.resources.membersTable;
    const rows = Array.from({ length: 30 }, (_, index) => `UP${String(index).padStart(4, '0')},Una,Processed,up${index}@example.org,en,GB,active,`);
    const file = await membersFile('unprocessed.csv', rows);
    const batchSizes: number[] = [];
    // DynamoDB Local never throttles: the first two writes of each first send of a batch come back as UnprocessedItems, as a
    // throttled table answers. Batches run at once, so a resend (of those two) may come before the other batch's first send.
    let throttled = 0;
    const throttling = {
      async send(command: unknown) {
        if (!(command instanceof BatchWriteCommand)) return client.send(command as never);
        const requests = command.input.RequestItems?.[table] ?? [];
        batchSizes.push(requests.length);
        if (throttled >= 2 || requests.length <= 2) return client.send(command);
        throttled++;
        await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(2) } }));
        return { UnprocessedItems: { [table]: requests.slice(0, 2) }, $metadata: { httpStatusCode: 200 } };
      },
    } as unknown as DynamoDBDocumentClient;

    const summary = await importMembers({
      file,
      dynamo: throttling,
      table,
      skipInvalid: false,
      dryRun: false,
      progress: { start: () => undefined, advance: () => undefined, stop: () => undefined },
      onInvalid: (reason) => expect.fail(reason),
    });

    expect(summary).toEqual({ created: 30, updated: 0, unchanged: 0, skipped: 0 });
    expect(batchSizes.sort((a, b) => a - b)).toEqual([2, 2, 5, 25]);
    const directory = new DynamoMemberDirectory(client, table);
    const found = await Promise.all(rows.map((_, index) => directory.findById(`UP${String(index).padStart(4, '0')}`)));
    expect(found.filter(Boolean)).toHaveLength(30);
    client.destroy();
  });
});
