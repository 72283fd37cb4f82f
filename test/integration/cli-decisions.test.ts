import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localStackOf, writeLocalStackFile } from '../../bin/local/local-stack-file.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { manualDecision } from '../../functions/shared/domain/decision.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { runClaimsIntake } from '../support/run-claims-intake.ts';

/** Each run starts Node and compiles the command, and a decision loads the intake and reads the message again: seconds, more on a busy machine. */
const COMMAND_TIMEOUT_MS = 120_000;
const OPERATOR = userInfo().username;
const MAI = 'contact@medical-administrators.com';

let harness: IntakeHarness;
let directory: string;
let stackFile: string;
/** Marie's two invoices, one from the USA and one from France: held for review, in French. */
let mixed: ClaimRecord;
/** A bill sent by Paul, whose membership is suspended: held for review, in English. */
let suspended: ClaimRecord;
/** John's Boston bill, forwarded by the intake. */
let forwarded: ClaimRecord;
/** John's message without its invoice: waiting for information. */
let needsInfo: ClaimRecord;

async function intake(raw: Buffer): Promise<ClaimRecord> {
  const { event, sesMessageId } = await harness.receive(raw);
  await harness.handler(event);
  const claim = await harness.claims.findByMessageId(sesMessageId);
  if (!claim) throw new Error('the intake recorded no claim');
  return claim;
}

beforeAll(async () => {
  harness = await startIntakeHarness();
  mixed = await intake(await fixture('claims/mixed-us-fr.eml'));
  const boston = await fixture('claims/en-boston-bill.eml');
  forwarded = await intake(boston);
  const fromPaul = boston.toString('latin1').replaceAll('john.carter@example.com', 'Paul.Girard@Example.com').replaceAll('John Carter', 'Paul Girard').replaceAll('20481632', '41928374');
  suspended = await intake(Buffer.from(fromPaul, 'latin1'));
  needsInfo = await intake(await fixture('claims/no-attachment.eml'));
  directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-cli-decisions-'));
  stackFile = path.join(directory, 'local-stack.json');
  await writeLocalStackFile(localStackOf(harness.aws, harness.statusPage.url), stackFile);
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

beforeEach(async () => {
  await harness.aws.outbox.clear();
});

const claimsIntake = (...args: string[]) => runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stackFile } }, ...args);
const current = async (claim: ClaimRecord) => (await harness.claims.get(claim.reference))!;
const sent = async () => (await harness.aws.outbox.list()).map((email) => ({ to: email.destination.to, subject: email.subject }));

describe('decisions on claims held for review, against the local stack', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('holds the claims the tests decide where the intake left them', () => {
    expect([mixed.status, suspended.status, forwarded.status, needsInfo.status]).toEqual(['REVIEW', 'REVIEW', 'FORWARDED', 'NEEDS_INFO']);
    expect(suspended.memberId).toBe('41928374');
  });

  it('routes a claim in review: forwarded to MAI with its documents, the member acknowledged in French, the decision recorded with who and why', async () => {
    const note = 'the US bill is a copy; treatment in Lyon, confirmed by the member';

    const { exitCode, stdout, stderr } = await claimsIntake('claims', 'route', mixed.reference.toLowerCase(), '--to', 'mai', '--note', note, '--local');

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const decided = await current(mixed);
    expect(decided).toMatchObject({ status: 'FORWARDED', outcome: 'FORWARDED', route: 'MAI' });
    expect(decided.decisions).toEqual([{ action: 'route', route: 'MAI', sends: { forward: 'forward', reply: 'reply-decision-1' }, by: OPERATOR, why: note, at: expect.any(String) }]);
    expect(decided.statusHistory.slice(-2).map((change) => [change.status, change.detail])).toEqual([
      ['RECEIVED', `routed to MAI by a person: ${note}`],
      ['FORWARDED', 'to MAI'],
    ]);
    expect(await sent()).toEqual([
      { to: [MAI], subject: expect.stringContaining(`Claim [${mixed.reference}] – member 12345678`) },
      { to: ['marie.dupont@example.fr'], subject: `Votre demande de remboursement [${mixed.reference}] a bien été reçue` },
    ]);
    const [forward] = await harness.aws.outbox.list();
    expect(forward!.attachments.map((attachment) => attachment.filename).slice(0, mixed.documents.length)).toEqual(mixed.documents.map((document) => document.filename));
    expect(stdout.split('\n').slice(0, 2)).toEqual([`${mixed.reference}  FORWARDED  routed to MAI`, `${decided.decisions![0]!.at}  routed to MAI by ${OPERATOR}: ${note}`]);
  });

  it('sends nothing more when the same route is run again, and says so', async () => {
    const { exitCode, stdout } = await claimsIntake('claims', 'route', mixed.reference, '--to', 'MAI', '--note', 'once more', '--local');

    expect(exitCode).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`${mixed.reference}  FORWARDED  routed to MAI already: carried out again, sending only what was not sent`);
    expect(await sent()).toEqual([]);
    expect((await current(mixed)).decisions).toHaveLength(1);
  });

  it('refuses another decision on the claim it routed, naming who routed it and why', async () => {
    const before = await current(mixed);
    const decision = before.decisions![0]!;

    expect(await claimsIntake('claims', 'reject', mixed.reference, '--reason', 'second thoughts', '--local')).toEqual({
      exitCode: 3,
      stdout: '',
      stderr: `claims-intake: refused: ${mixed.reference} is FORWARDED: only a claim in REVIEW or NEEDS_INFO can be decided; decided by ${OPERATOR} at ${decision.at}: ${decision.why}\n`,
    });
    expect(await sent()).toEqual([]);
    expect(await current(mixed)).toEqual(before);
  });

  it("declines a claim in review and tells the member why, in English, at the registered address only", async () => {
    const reason = 'the membership is suspended since 1 October';

    const { exitCode, stdout, stderr } = await claimsIntake('claims', 'reject', suspended.reference, '--reason', reason, '--local');

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(`${suspended.reference}  REJECTED  declined`);
    expect(await current(suspended)).toMatchObject({ status: 'REJECTED', outcome: 'REJECTED', decisions: [{ action: 'reject', by: OPERATOR, why: reason }] });
    const outbox = await harness.aws.outbox.list();
    expect(outbox.map((email) => ({ to: email.destination.to, subject: email.subject }))).toEqual([
      { to: ['Paul.Girard@Example.com'], subject: `Your claim [${suspended.reference}]: declined` },
    ]);
    expect(outbox[0]!.body.text).toContain(`Our team has looked at your claim ${suspended.reference} and could not accept it.\n\nReason: ${reason}\n\n`);
  });

  it('refuses to decide a claim the intake forwarded, and sends nothing', async () => {
    expect(await claimsIntake('claims', 'route', forwarded.reference, '--to', 'MAI', '--note', 'wrong administrator', '--local')).toEqual({
      exitCode: 3,
      stdout: '',
      stderr: `claims-intake: refused: ${forwarded.reference} is FORWARDED: only a claim in REVIEW or NEEDS_INFO can be decided\n`,
    });
    expect(await sent()).toEqual([]);
    expect(await current(forwarded)).toEqual(forwarded);
  });

  it('sends the acknowledgement of the claim it routed again, as a new message to the registered address, recorded as a resend', async () => {
    const note = 'the member deleted it by mistake';

    const { exitCode, stdout, stderr } = await claimsIntake('claims', 'resend', mixed.reference, '--acknowledgement', '--note', note, '--local');

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(`${mixed.reference}  FORWARDED  acknowledgement sent again as reply-resend-1`);
    expect(await sent()).toEqual([{ to: ['marie.dupont@example.fr'], subject: `Votre demande de remboursement [${mixed.reference}] a bien été reçue` }]);
    const resent = await current(mixed);
    expect(resent.resends).toEqual([{ message: 'acknowledgement', number: 1, sendId: 'reply-resend-1', by: OPERATOR, why: note, at: expect.any(String) }]);
    expect(resent.decisions).toHaveLength(1);
  });

  it("sends a forward the intake made again, to the administrator's address, each resend a message of its own", async () => {
    await claimsIntake('claims', 'resend', forwarded.reference, '--forward', '--note', 'Cigna asked for it again', '--local');
    await claimsIntake('claims', 'resend', forwarded.reference, '--forward', '--note', 'and once more', '--local');

    const subjects = (await sent()).map((email) => [email.to, email.subject.startsWith(`Claim [${forwarded.reference}] – member 20481632`)]);
    expect(subjects).toEqual([
      [['Ice.Team@Cigna.com'], true],
      [['Ice.Team@Cigna.com'], true],
    ]);
    expect((await current(forwarded)).resends?.map((resend) => resend.sendId)).toEqual(['forward-resend-1', 'forward-resend-2']);
  });

  it('refuses to send again a forward that was never sent, and sends nothing', async () => {
    expect(await claimsIntake('claims', 'resend', suspended.reference, '--forward', '--note', 'again', '--local')).toEqual({
      exitCode: 3,
      stdout: '',
      stderr: `claims-intake: refused: ${suspended.reference} is REJECTED and has no forward sent: only a message sent can be sent again\n`,
    });
    expect(await sent()).toEqual([]);
  });

  it('carries out a decision recorded by a run that stopped half-way when it is run again, then sends nothing more', async () => {
    const reason = 'no invoice came, and the visit was not covered';
    expect(await harness.claims.recordDecision(needsInfo.reference, manualDecision(needsInfo, { action: 'reject' }, OPERATOR, reason, new Date()))).toBe(true);
    expect(await sent()).toEqual([]);

    const { exitCode, stdout } = await claimsIntake('claims', 'reject', needsInfo.reference, '--reason', reason, '--local');

    expect(exitCode).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`${needsInfo.reference}  REJECTED  declined already: carried out again, sending only what was not sent`);
    expect(await sent()).toEqual([{ to: ['john.carter@example.com'], subject: `Your claim [${needsInfo.reference}]: declined` }]);

    await harness.aws.outbox.clear();
    expect((await claimsIntake('claims', 'reject', needsInfo.reference, '--reason', reason, '--local')).exitCode).toBe(0);
    expect(await sent()).toEqual([]);
    expect((await current(needsInfo)).decisions).toHaveLength(1);
  });

  it('shows on the claim every message it sent, who decided what and why, and each resend', async () => {
    const claim = await current(mixed);
    const [decision] = claim.decisions!;
    const [resent] = claim.resends!;

    const lines = (await claimsIntake('claims', 'show', mixed.reference, '--local')).stdout.split('\n');

    expect(lines.slice(lines.indexOf('Messages sent:') + 1, lines.indexOf('Decisions:')).map((line) => line.split(':')[0])).toEqual([
      '  reply',
      '  forward',
      '  reply-decision-1',
      '  reply-resend-1',
    ]);
    expect(lines.slice(lines.indexOf('Decisions:') + 1, lines.indexOf('Delivery events:'))).toEqual([
      `  ${decision!.at}  routed to MAI by ${OPERATOR}: ${decision!.why}`,
      'Resends:',
      `  ${resent!.at}  reply-resend-1 (acknowledgement) by ${OPERATOR}: ${resent!.why}`,
    ]);
  });

  it('routes again a claim whose forward bounced for good: a forward of its own, then the acknowledgement', async () => {
    expect(await harness.claims.markForwardUndelivered(forwarded.reference, { at: new Date().toISOString(), reason: 'the forward bounced: mailbox does not exist' })).toBe(true);

    const { exitCode } = await claimsIntake('claims', 'route', forwarded.reference, '--to', 'MAI', '--note', 'Cigna says it is not theirs', '--local');

    expect(exitCode).toBe(0);
    expect(await sent()).toEqual([
      { to: [MAI], subject: expect.stringContaining(`Claim [${forwarded.reference}] – member 20481632`) },
      { to: ['john.carter@example.com'], subject: `Your claim [${forwarded.reference}] has been received` },
    ]);
    const routed = await current(forwarded);
    expect(routed).toMatchObject({ status: 'FORWARDED', route: 'MAI', decisions: [{ sends: { forward: 'forward-decision-1', reply: 'reply-decision-1' } }] });
    expect(routed.sends?.['forward-decision-1']).toMatchObject({ state: 'sent', to: MAI });
  });

  it('says in one line that a claim does not exist', async () => {
    expect(await claimsIntake('claims', 'reject', 'CLM-2026-NOSUCH', '--reason', 'not covered', '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: no claim CLM-2026-NOSUCH\n',
    });
  });
});
