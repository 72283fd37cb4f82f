import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimsIntakeProgram } from '../../../bin/cli/claims-intake-program.ts';
import { runProgram } from '../../../bin/cli/program.ts';

/** What `claims-intake <command> --help` prints, and its exit code. */
async function help(command: readonly string[]): Promise<{ exitCode: number; text: string }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const exitCode = await runProgram(claimsIntakeProgram(), [...command, '--help']);
  vi.restoreAllMocks();
  return { exitCode, text };
}

/** The help's paragraphs, each on one line whatever the terminal's width. */
const paragraphs = (text: string) => text.split('\n\n').map((paragraph) => paragraph.replace(/\n\s*/g, ' ').trim());

afterEach(() => {
  vi.restoreAllMocks();
});

const TARGET_OPTIONS = ['--local', '--stack <name>', '--region <region>'];

describe('--help', () => {
  it.each([
    [['triage'], 'Usage: claims-intake triage [options] <message.eml>', "The intake's decision for one .eml file, with members from a CSV file: no AWS, nothing sent.", ['--members <members.csv>', '--to <recipient>', '--verdicts <list>', '--json']],
    [['members', 'import'], 'Usage: claims-intake members import [options] <members.csv>', 'Loads a members CSV into the members table; a file with a bad row imports nothing unless --skip-invalid.', [...TARGET_OPTIONS, '--skip-invalid', '--dry-run']],
    [['members', 'show'], 'Usage: claims-intake members show [options] <id|email|fax>', 'One member, found by member number, email address or fax number.', [...TARGET_OPTIONS, '--json']],
    [['claims', 'list'], 'Usage: claims-intake claims list [options]', 'Claims oldest first, with why each is where it is: by default, the review queue.', [...TARGET_OPTIONS, '--status <status>', '--since <age>', '--member <id>', '--limit <n>', '--json']],
    [['claims', 'show'], 'Usage: claims-intake claims show [options] <reference>', 'Everything recorded of one claim.', [...TARGET_OPTIONS, '--json']],
    [['claims', 'documents'], 'Usage: claims-intake claims documents [options] <reference>', "Downloads a claim's documents, as received, into a directory, under names made safe.", [...TARGET_OPTIONS, '--out <dir>']],
    [['review', 'list'], 'Usage: claims-intake review list [options]', 'The claims waiting for a person, oldest first, one line each (claims list shows them as a table).', [...TARGET_OPTIONS, '--status <status>', '--limit <n>', '--table <name>']],
    [['dlq', 'list'], 'Usage: claims-intake dlq list [options]', 'Each message in the intake dead-letter queue: when, which claim or raw message, what is known of the error.', [...TARGET_OPTIONS, '--limit <n>', '--json']],
    [['dlq', 'replay'], 'Usage: claims-intake dlq replay [options] [id]', 'Sends dead letters back through the intake, then removes them from the dead-letter queue.', [...TARGET_OPTIONS, '--all', '--limit <n>']],
    [
      ['claims', 'route'],
      'Usage: claims-intake claims route [options] <reference>',
      'Forwards a claim held for review to an administrator and acknowledges it to the member, as the intake would have.',
      [...TARGET_OPTIONS, '--to <administrator>', '--note <why>'],
    ],
    [
      ['claims', 'reject'],
      'Usage: claims-intake claims reject [options] <reference>',
      'Declines a claim held for review and tells the member why, in their language, at their registered address only.',
      [...TARGET_OPTIONS, '--reason <why>'],
    ],
    [
      ['claims', 'resend'],
      'Usage: claims-intake claims resend [options] <reference>',
      "Sends a claim's forward or its reply to the member again, as a new message recorded as a resend.",
      [...TARGET_OPTIONS, '--forward', '--acknowledgement', '--note <why>'],
    ],
  ] as const)('of %j gives its usage, description, every option and an example', async (command, usage, description, options) => {
    const { exitCode, text } = await help(command);

    expect(exitCode).toBe(0);
    expect(paragraphs(text).slice(0, 2)).toEqual([usage, description]);
    for (const option of options) expect(text).toContain(`  ${option} `);
    expect(text).toMatch(new RegExp(`\\nExamples?:\\n  \\$ claims-intake ${command.join(' ')} `));
  });

  it.each([
    [['members'], 'Usage: claims-intake members [options] [command]', 'Load the members the intake knows, and look one up.', ['import [options] <members.csv>', 'show [options] <id|email|fax>']],
    [
      ['claims'],
      'Usage: claims-intake claims [options] [command]',
      'Find claims, read what was recorded of them, and decide those held for a person.',
      ['list [options]', 'show [options] <reference>', 'documents [options] <reference>', 'route [options] <reference>', 'reject [options] <reference>', 'resend [options] <reference>'],
    ],
    [['dlq'], 'Usage: claims-intake dlq [options] [command]', "The intake's dead-letter queue: the messages the intake failed on every delivery.", ['list [options]', 'replay [options] [id]']],
    [[], 'Usage: claims-intake [options] [command]', 'Operate the claims intake: triage a message offline, import members, find and read claims.', ['triage [options] <message.eml>', 'members', 'claims', 'review']],
  ] as const)('of %j lists its commands', async (command, usage, description, commands) => {
    const { exitCode, text } = await help(command);

    expect(exitCode).toBe(0);
    expect(paragraphs(text).slice(0, 2)).toEqual([usage, description]);
    for (const name of commands) expect(text).toContain(`  ${name} `);
  });
});

/** What a call with a mistake prints on stderr, and its exit code. */
async function mistake(args: readonly string[]): Promise<{ exitCode: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const exitCode = await runProgram(claimsIntakeProgram(), args);
  vi.restoreAllMocks();
  return { exitCode, stderr };
}

describe('a mistake in the call', () => {
  it.each([
    [['claims', 'list', '--bogus'], "claims-intake: unknown option '--bogus'\n"],
    [['claims', 'show'], "claims-intake: missing required argument 'reference'\n"],
    [['claims', 'show', 'CLM-1', 'CLM-2'], "claims-intake: too many arguments for 'show'. Expected 1 argument but got 2.\n"],
    [['claims', 'documents', 'CLM-1'], "claims-intake: required option '--out <dir>' not specified\n"],
    [['claims', 'list', '--limit', '0'], 'claims-intake: bad --limit "0": expected a whole number from 1\n'],
    [['claims', 'list', '--status', 'LOST'], 'claims-intake: bad --status "LOST": expected one of REVIEW|NEEDS_INFO|RECEIVED|FORWARDED|DUPLICATE|IGNORED|QUARANTINED|REJECTED\n'],
    [['members', 'import'], "claims-intake: missing required argument 'members.csv'\n"],
    [['members', 'export'], "claims-intake: unknown command 'export'\n"],
    [['dlq', 'replay'], 'claims-intake: name one message id, or --all\n'],
    [['dlq', 'replay', 'msg-1', '--all'], 'claims-intake: name one message id, or --all\n'],
    [['claims', 'route', 'CLM-2026-NNSXX6', '--note', 'Phnom Penh'], "claims-intake: required option '--to <administrator>' not specified\n"],
    [['claims', 'route', 'CLM-2026-NNSXX6', '--to', 'AXA', '--note', 'Phnom Penh'], 'claims-intake: bad --to "AXA": expected MAI or CIGNA_US\n'],
    [['claims', 'route', 'CLM-2026-NNSXX6', '--to', 'MAI'], "claims-intake: required option '--note <why>' not specified\n"],
    [['claims', 'reject', 'CLM-2026-NNSXX6', '--reason', '  '], 'claims-intake: --reason is empty: say why\n'],
    [['claims', 'reject', '--reason', 'not covered'], "claims-intake: missing required argument 'reference'\n"],
    [['claims', 'resend', 'CLM-2026-R85JVH', '--note', 'lost'], 'claims-intake: name one message: --forward or --acknowledgement\n'],
    [['claims', 'resend', 'CLM-2026-R85JVH', '--forward', '--acknowledgement', '--note', 'lost'], 'claims-intake: name one message: --forward or --acknowledgement\n'],
  ] as const)('%j: one line on stderr, exit 2', async (args, stderr) => {
    expect(await mistake(args)).toEqual({ exitCode: 2, stderr });
  });
});
