import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVerdicts } from '../../../bin/cli/triage-command.ts';
import { UsageError } from '../../../bin/cli/usage-error.ts';
import type { TriageReport } from '../../../functions/shared/pipeline/triage-report.ts';
import { composeMail, PASSING_VERDICTS, sha256 } from '../../support/contexts.ts';

const run = promisify(execFile);

/** Each run starts Node and compiles the command: seconds, more on a busy machine. */
const COMMAND_TIMEOUT_MS = 60_000;
const MEMBERS = 'test/fixtures/members.csv';
const claim = (name: string) => `test/fixtures/claims/${name}`;

interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  /** Modules imported before the command, after tsx. */
  readonly preloads?: readonly string[];
  /** More environment variables (the intake's configured addresses). */
  readonly env?: Record<string, string>;
}

/** Runs bin/claims-intake.ts as a user would, from the project root. */
async function runClaimsIntake(options: RunOptions, ...args: string[]): Promise<CommandResult> {
  try {
    const imports = ['tsx', ...(options.preloads ?? [])].flatMap((module) => ['--import', module]);
    const { stdout, stderr } = await run(process.execPath, [...imports, 'bin/claims-intake.ts', ...args], { env: { ...process.env, ...options.env } });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { exitCode: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const claimsIntake = (...args: string[]) => runClaimsIntake({}, ...args);
const claimsIntakeWith = (env: Record<string, string>, ...args: string[]) => runClaimsIntake({ env }, ...args);
const claimsIntakeAfter = (preloads: readonly string[], ...args: string[]) => runClaimsIntake({ preloads }, ...args);

async function triageJson(...args: string[]): Promise<TriageReport> {
  return triageJsonWith({}, ...args);
}

async function triageJsonWith(env: Record<string, string>, ...args: string[]): Promise<TriageReport> {
  const { exitCode, stdout, stderr } = await claimsIntakeWith(env, 'triage', ...args, '--members', MEMBERS, '--json');
  expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
  return JSON.parse(stdout) as TriageReport;
}

async function invoiceDocument(name: string) {
  const content = await readFile(path.resolve('test/fixtures/invoices', name));
  return { name, type: 'pdf', size: content.length, sha256: sha256(content), textRead: true };
}

describe('claims-intake triage', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('forwards the Paris note to MAI', async () => {
    const { reasons, invoices, ...report } = await triageJson(claim('fr-paris-invoice.eml'));

    expect(report).toEqual({
      channel: 'email',
      memberId: '12345678',
      treatmentCountry: 'FR',
      route: 'MAI',
      status: 'FORWARDED',
      documents: [await invoiceDocument('note-honoraires-paris.pdf')],
    });
    expect(reasons.slice(0, 2)).toEqual(['member number found in subject', 'treatment location FR, routed to MAI']);
    expect(reasons).toContain('note-honoraires-paris.pdf: valid SIRET 81472305200019 (FR)');
    expect(reasons).toContain('note-honoraires-paris.pdf: French postcode and town 75002 Paris (FR)');
    expect(invoices).toEqual([
      {
        document: 'note-honoraires-paris.pdf',
        kind: 'invoice',
        provider: {
          name: 'Docteur Claire Morel',
          address: '12 rue Montorgueil, 75002 Paris',
          identifiers: [{ scheme: 'SIRET', value: '81472305200019' }, { scheme: 'RPPS', value: '10103847264' }],
          confidence: 0.9,
          letterhead: { firstLine: 0, lastLine: 5 },
        },
        invoiceNumber: { value: '2025-0314-07', confidence: 0.9 },
        serviceDates: [{ date: '2025-03-14', confidence: 0.9 }],
        lines: [
          { description: 'Consultation de médecine générale (G)', amount: { amount: '30.00', currency: 'EUR' } },
          { description: 'Électrocardiogramme (CCAM DEQP003)', amount: { amount: '14.26', currency: 'EUR' } },
        ],
        total: { amount: '44.26', currency: 'EUR', confidence: 0.9 },
        paid: { amount: '44.26', currency: 'EUR', confidence: 0.9 },
        confidence: 0.9,
      },
    ]);
  });

  it('forwards the Boston bill to Cigna in the USA', async () => {
    const { reasons, invoices, ...report } = await triageJson(claim('en-boston-bill.eml'));

    expect(report).toEqual({
      channel: 'email',
      memberId: '20481632',
      treatmentCountry: 'US',
      route: 'CIGNA_US',
      status: 'FORWARDED',
      documents: [await invoiceDocument('itemized-bill-boston.pdf')],
    });
    expect(reasons.slice(0, 2)).toEqual(['member number found in body', 'treatment location US, routed to CIGNA_US']);
    expect(reasons).toContain('itemized-bill-boston.pdf: valid NPI 1648293052 (US)');
    expect(invoices.map(({ document, kind, serviceDates, total }) => ({ document, kind, serviceDates, total }))).toEqual([
      { document: 'itemized-bill-boston.pdf', kind: 'statement', serviceDates: [{ date: '2025-03-14', confidence: 0.9 }], total: { amount: '227.00', currency: 'USD', confidence: 0.9 } },
    ]);
  });

  it('leaves a US bill and a French note sent together to a person, with no route', async () => {
    const { reasons, invoices, ...report } = await triageJson(claim('mixed-us-fr.eml'));

    expect(report).toEqual({
      channel: 'email',
      memberId: '12345678',
      treatmentCountry: null,
      route: null,
      status: 'REVIEW',
      documents: [await invoiceDocument('itemized-bill-boston.pdf'), await invoiceDocument('note-honoraires-paris.pdf')],
    });
    expect(reasons[1]).toBe('conflicting evidence: itemized-bill-boston.pdf points to US, note-honoraires-paris.pdf points to FR');
    // Each document's own place decides its currency and dates, whatever the claim's conflict.
    expect(invoices.map(({ document, total }) => ({ document, total: total && { amount: total.amount, currency: total.currency } }))).toEqual([
      { document: 'itemized-bill-boston.pdf', total: { amount: '227.00', currency: 'USD' } },
      { document: 'note-honoraires-paris.pdf', total: { amount: '44.26', currency: 'EUR' } },
    ]);
  });

  it('quarantines a message the verdicts say carries a virus, without reading it', async () => {
    expect(await triageJson(claim('fr-paris-invoice.eml'), '--verdicts', 'virus=FAIL')).toEqual({
      channel: 'email',
      memberId: null,
      treatmentCountry: null,
      route: null,
      status: 'QUARANTINED',
      reasons: ['virus verdict FAIL'],
      documents: [],
      invoices: [],
    });
  });

  it("quarantines a message failing DMARC for a domain whose policy is reject, as SES's receipt says", async () => {
    expect(await triageJson(claim('fr-paris-invoice.eml'), '--verdicts', 'spf=PASS,dmarc=FAIL,dmarcPolicy=reject')).toEqual({
      channel: 'email',
      memberId: null,
      treatmentCountry: null,
      route: null,
      status: 'QUARANTINED',
      reasons: ["DMARC verdict FAIL, and the sender's domain asks to reject such mail"],
      documents: [],
      invoices: [],
    });
  });

  describe('with messages written for the case', () => {
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-triage-'));
    });

    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    /** The Paris claim without the member number in its subject (its note still has it), with the given headers on top and the given To. */
    async function parisClaim(name: string, topHeaders: readonly string[], to = 'claims@claims.example.org'): Promise<string> {
      const original = await readFile(claim('fr-paris-invoice.eml'), 'utf8');
      const file = path.join(directory, name);
      const written = original.replace('To: claims@claims.example.org', `To: ${to}`).replace(/Subject: [^]*?\nMessage-ID/, 'Subject: Note\nMessage-ID');
      await writeFile(file, [...topHeaders, written].join('\r\n'));
      return file;
    }

    it("does not take a member who copies themselves for our own message coming back: the message's To is not the intake's", async () => {
      const file = await parisClaim('copied.eml', [], 'claims@claims.example.org, marie.dupont@example.fr');
      expect(await triageJson(file)).toMatchObject({ memberId: '12345678', status: 'FORWARDED' });
    });

    it("ignores mail from the intake's configured addresses as a loop", async () => {
      const file = await parisClaim('loop.eml', []);
      const report = await triageJsonWith({ INTAKE_ADDRESSES: 'claims@claims.example.org,Marie.Dupont@example.fr' }, file);
      expect(report).toMatchObject({ status: 'IGNORED', reasons: ['our own message came back'] });
    });

    it("trusts a sender with no DMARC policy on an aligned pass in SES's topmost Authentication-Results only", async () => {
      const aligned = await parisClaim('aligned.eml', ['Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=bounce@mail.example.fr; dmarc=none header.from=example.fr']);
      const forged = await parisClaim('forged.eml', [
        'Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=bounce@attacker.example; dmarc=none header.from=example.fr',
        'Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=bounce@example.fr; dmarc=pass header.from=example.fr',
      ]);
      expect(await triageJson(aligned, '--verdicts', 'dmarc=GRAY')).toMatchObject({ memberId: '12345678', status: 'FORWARDED' });
      // The note names the member: from a sender not proven, a person looks at it.
      expect(await triageJson(forged, '--verdicts', 'dmarc=GRAY')).toMatchObject({
        memberId: '12345678',
        status: 'REVIEW',
        reasons: [
          'member number found in note-honoraires-paris.pdf',
          "the sender is not authenticated (the sender's domain publishes no DMARC policy, and no SPF or DKIM pass is aligned with it): a member number alone does not forward a claim",
        ],
      });
    });
  });

  it('takes a message sent to the fax address for a fax', async () => {
    const report = await triageJson(claim('en-boston-bill.eml'), '--to', 'fax@claims.example.org');
    expect(report).toMatchObject({ channel: 'fax', memberId: '20481632' });
  });

  describe('with a fax whose station id and file name carry bidi overrides, NUL and a terminal escape', () => {
    const HOSTILE = '\u202eFDP.EXE\u0000\u001b[31m';
    let directory: string;
    let message: string;
    let invoice: Buffer;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-hostile-fax-'));
      message = path.join(directory, 'fax.eml');
      invoice = await readFile('test/fixtures/invoices/note-honoraires-paris.pdf');
      const raw = await composeMail({
        from: 'Fax Service <faxes@fax.example.net>',
        to: 'fax@claims.example.org',
        subject: 'Incoming fax',
        text: `TSI: ${HOSTILE}\nPages: 1\n`,
        attachments: [{ filename: `${HOSTILE}.pdf`, content: invoice, contentType: 'application/pdf' }],
      });
      await writeFile(message, raw);
    });

    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('prints them as they show, in JSON', async () => {
      const report = await triageJson(message, '--to', 'fax@claims.example.org');
      expect(report.fax).toEqual({ remoteStationId: 'FDP.EXE', pages: 1 });
      expect(report.documents.map(({ name }) => name)).toEqual(['FDP.EXE.pdf']);
    });

    it('prints them as they show, as text, with no control character but the line ends', async () => {
      const { exitCode, stdout, stderr } = await claimsIntake('triage', message, '--to', 'fax@claims.example.org', '--members', MEMBERS);
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
      expect(stdout).toContain(`\ndocument:  FDP.EXE.pdf (pdf, ${invoice.length} bytes, text read)\n`);
      expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    });
  });

  it.each([
    [
      'an unreadable message file',
      ['triage', claim('no-such-claim.eml'), '--members', MEMBERS],
      `claims-intake: cannot read message ${claim('no-such-claim.eml')}: ENOENT`,
    ],
    ['a triage without --members', ['triage', claim('fr-paris-invoice.eml')], "claims-intake: required option '--members <members.csv>' not specified"],
    [
      'a verdict that does not exist',
      ['triage', claim('fr-paris-invoice.eml'), '--members', MEMBERS, '--verdicts', 'spam=PASS,virus=MAYBE'],
      'claims-intake: bad verdict "virus=MAYBE": expected one of spam|virus|spf|dkim|dmarc=PASS|FAIL|GRAY|PROCESSING_FAILED|DISABLED, or dmarcPolicy=none|quarantine|reject',
    ],
    ['an unknown command', ['frobnicate', claim('fr-paris-invoice.eml')], "claims-intake: unknown command 'frobnicate'"],
  ] as const)('exits with 2 and says why on %s', async (_what, args, firstLine) => {
    const { exitCode, stdout, stderr } = await claimsIntake(...args);
    expect({ exitCode, stdout, firstLine: stderr.split('\n')[0] }).toEqual({ exitCode: 2, stdout: '', firstLine });
  });

  it('says in one line, without the usage text, that the message file cannot be read', async () => {
    const { exitCode, stderr } = await claimsIntake('triage', claim('no-such-claim.eml'), '--members', MEMBERS);
    expect({ exitCode, stderr }).toEqual({ exitCode: 2, stderr: `claims-intake: cannot read message ${claim('no-such-claim.eml')}: ENOENT\n` });
  });

  it('exits with 1 and one line naming the failure when the command itself fails', async () => {
    const { exitCode, stdout, stderr } = await claimsIntakeAfter(['./test/support/failing-member-directory.ts'], 'triage', claim('fr-paris-invoice.eml'), '--members', MEMBERS);
    expect({ exitCode, stdout, stderr }).toEqual({ exitCode: 1, stdout: '', stderr: 'claims-intake: failed (TypeError): member lookup failed\n' });
  });

  it('states its exit codes in its usage text', async () => {
    const { exitCode, stdout } = await claimsIntake('--help');
    expect(exitCode).toBe(0);
    expect(stdout.slice(stdout.indexOf('Exit codes:'))).toBe(
      [
        'Exit codes:',
        '  0  done; for triage, any decision, a message that could not be read included',
        '  1  the command failed (a bug, AWS unreachable or refusing): one line on stderr',
        '  2  bad arguments, a file that cannot be read, or a malformed members file: one line on stderr',
        '  3  refused: a decision on a claim that is not in REVIEW or NEEDS_INFO, a resend of a message',
        '     never sent; nothing was changed or sent, one line on stderr says why',
        '',
      ].join('\n'),
    );
  });

  describe('with a malformed members file', () => {
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-members-'));
    });

    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('exits with 2 naming the line and field, never the value', async () => {
      const members = path.join(directory, 'members.csv');
      const csv = (await readFile(MEMBERS, 'utf8')).replace('john.carter@example.com', 'john.carter.at.example.com');
      await writeFile(members, csv);

      const { exitCode, stdout, stderr } = await claimsIntake('triage', claim('fr-paris-invoice.eml'), '--members', members);

      expect({ exitCode, stdout, stderr }).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: 'claims-intake: Members CSV line 3, field email: not an email address\n',
      });
    });
  });
});

describe('parseVerdicts', () => {
  it('sets the verdicts named, whatever their case and spacing, and leaves the others PASS', () => {
    expect(parseVerdicts('Spam=gray, virus = FAIL,dkim=PROCESSING_FAILED')).toEqual({
      ...PASSING_VERDICTS,
      spam: 'GRAY',
      virus: 'FAIL',
      dkim: 'PROCESSING_FAILED',
    });
  });

  it('takes an empty list for every verdict PASS', () => {
    expect(parseVerdicts('')).toEqual(PASSING_VERDICTS);
  });

  it('reads the DMARC policy SES reports when DMARC fails, in any case', () => {
    expect(parseVerdicts('dmarc=FAIL,dmarcPolicy=Quarantine')).toEqual({ ...PASSING_VERDICTS, dmarc: 'FAIL', dmarcPolicy: 'quarantine' });
    expect(parseVerdicts('dmarc=FAIL')).not.toHaveProperty('dmarcPolicy');
  });

  it.each(['virus', 'virus=', 'dmarc=MAYBE', 'spoof=FAIL', 'virus=FAIL=PASS', 'dmarcPolicy=maybe', 'dmarcPolicy=PASS', 'dmarc=reject'])('refuses %j as a mistake of the caller', (text) => {
    expect(() => parseVerdicts(text)).toThrow(UsageError);
  });
});
