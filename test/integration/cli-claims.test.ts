import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStackOf, writeLocalStackFile } from '../../bin/local/local-stack-file.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { runClaimsIntake } from '../support/run-claims-intake.ts';

/** Each run starts Node and compiles the command: seconds, more on a busy machine. */
const COMMAND_TIMEOUT_MS = 60_000;

let harness: IntakeHarness;
let directory: string;
let stackFile: string;
const claims: Record<string, ClaimRecord> = {};

beforeAll(async () => {
  harness = await startIntakeHarness();
  for (const sample of ['mixed-us-fr.eml', 'en-boston-bill.eml']) {
    const { event, sesMessageId } = await harness.receive(await fixture(`claims/${sample}`));
    await harness.handler(event);
    const claim = await harness.claims.findByMessageId(sesMessageId);
    if (!claim) throw new Error(`no claim for ${sample}`);
    claims[sample] = claim;
  }
  directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-cli-claims-'));
  stackFile = path.join(directory, 'local-stack.json');
  await writeLocalStackFile(localStackOf(harness.aws), stackFile);
}, 120_000);

afterAll(async () => {
  await harness?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const claimsIntake = (...args: string[]) => runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stackFile } }, ...args);
const cells = (line: string) => line.split(/ {2,}/);

describe.concurrent('claims against the local stack', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('lists the review queue as a table, oldest first, with why', async () => {
    const mixed = claims['mixed-us-fr.eml']!;

    const { exitCode, stdout, stderr } = await claimsIntake('claims', 'list', '--local');

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(stdout.trimEnd().split('\n').map(cells)).toEqual([
      ['REFERENCE', 'RECEIVED', 'CHANNEL', 'STATUS', 'MEMBER', 'ROUTE', 'WHY'],
      [mixed.reference, mixed.receivedAt.slice(0, 16).replace('T', ' '), 'email', 'REVIEW', '12345678', '-', mixed.reasons.join('; ')],
    ]);
  });

  it("lists another status, or a member's claims, as JSON for scripts", async () => {
    const boston = claims['en-boston-bill.eml']!;

    const forwarded = await claimsIntake('claims', 'list', '--local', '--status', 'forwarded', '--since', '1d', '--json');
    expect(JSON.parse(forwarded.stdout)).toEqual([boston]);

    const ofMember = await claimsIntake('claims', 'list', '--local', '--member', '20481632', '--json');
    expect((JSON.parse(ofMember.stdout) as ClaimRecord[]).map((claim) => claim.reference)).toEqual([boston.reference]);

    expect(await claimsIntake('claims', 'list', '--local', '--since', 'yesterday')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: bad --since "yesterday": expected a number and m, h or d (30m, 12h, 7d)\n',
    });
  });

  it('shows everything recorded of a forwarded claim: documents with their S3 keys, messages with their ledger state', async () => {
    const boston = claims['en-boston-bill.eml']!;
    const [document] = boston.documents;
    const { forward: forwardSend, reply: replySend } = boston.sends ?? {};

    const { exitCode, stdout, stderr } = await claimsIntake('claims', 'show', boston.reference.toLowerCase(), '--local');

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${boston.reference}  FORWARDED`);
    expect(lines).toContain('treatment:   US, route CIGNA_US');
    expect(lines).toContain(`raw message: s3://${boston.rawMessage.bucket}/${boston.rawMessage.key}`);
    expect(lines.slice(lines.indexOf('Documents:') + 1, lines.indexOf('Messages sent:'))).toEqual([
      `  itemized-bill-boston.pdf  pdf, ${document!.size} bytes, text read  s3 key ${document!.s3Key}`,
    ]);
    expect(lines.slice(lines.indexOf('Messages sent:') + 1, lines.indexOf('Delivery events:'))).toEqual([
      `  forward: sent, attempt 1, to ${forwardSend!.to}, SES message ${forwardSend!.messageId} at ${forwardSend!.sentAt}`,
      `  reply: sent, attempt 1, to ${replySend!.to}, SES message ${replySend!.messageId} at ${replySend!.sentAt}`,
    ]);
    expect(lines.slice(lines.indexOf('Status history:') + 1, lines.indexOf('Reasons:'))).toEqual(
      boston.statusHistory.map((change) => `  ${change.at}  ${change.status}${change.detail ? `  ${change.detail}` : ''}`),
    );
  });

  it('downloads the documents as they were received, and never writes over a file', async () => {
    const boston = claims['en-boston-bill.eml']!;
    const out = path.join(directory, 'documents');

    const { exitCode, stdout } = await claimsIntake('claims', 'documents', boston.reference, '--out', out, '--local');

    expect(exitCode).toBe(0);
    expect(await readdir(out)).toEqual(['itemized-bill-boston.pdf']);
    const saved = await readFile(path.join(out, 'itemized-bill-boston.pdf'));
    expect(createHash('sha256').update(saved).digest('hex')).toBe(boston.documents[0]!.sha256);
    expect(stdout).toBe(`${path.join(out, 'itemized-bill-boston.pdf')}  ${saved.length} bytes  from ${boston.documents[0]!.s3Key}\n`);

    expect(await claimsIntake('claims', 'documents', boston.reference, '--out', out, '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `claims-intake: ${path.join(out, 'itemized-bill-boston.pdf')} exists already: choose an empty --out directory\n`,
    });
  });

  it('says in one line that a claim does not exist', async () => {
    expect(await claimsIntake('claims', 'show', 'CLM-2026-NOSUCH', '--local')).toEqual({ exitCode: 2, stdout: '', stderr: 'claims-intake: no claim CLM-2026-NOSUCH\n' });
  });
});

describe.concurrent('--local without a running local stack', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('says so in one line, with no file', async () => {
    const missing = path.join(directory, 'no-stack.json');
    expect(await runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: missing } }, 'claims', 'list', '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `claims-intake: no local stack is running (${missing} not found): start one with npm start\n`,
    });
  });

  it('says so when the file was left by a stack that was killed', async () => {
    const stale = path.join(directory, 'stale-stack.json');
    const described = JSON.parse(await readFile(stackFile, 'utf8')) as { pid: number };
    // A pid no process has: above the kernel's pid_max.
    await writeFile(stale, JSON.stringify({ ...described, pid: 2 ** 22 + 1 }));
    expect(await runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stale } }, 'members', 'show', '12345678', '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `claims-intake: no local stack is running (${stale} not found): start one with npm start\n`,
    });
  });
});
