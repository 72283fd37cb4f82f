import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { normalizePhoneNumber } from '../../functions/shared/domain/phone-number.ts';
import { senderText } from '../../functions/shared/domain/sender-text.ts';
import type { Member } from '../../functions/shared/domain/types.ts';
import { importMembers, type ImportProgress } from './members-import.ts';
import { describe } from './program.ts';
import { withTarget, withTargetOptions, type TargetOptions } from './target.ts';
import { InputError } from './usage-error.ts';

/** Without a terminal, a progress line every this many rows: a log stays short, a long import still shows it moves. */
const PLAIN_PROGRESS_EVERY = 10_000;

/** A bar on a terminal; plain lines in a log or a pipe. On stderr: stdout keeps the summary. */
function progressReporter(): ImportProgress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {eta}s left' });
    return { start: (total) => bar.start(total, 0), advance: (rows) => bar.increment(rows), stop: () => bar.stop() };
  }
  let done = 0;
  let total = 0;
  return {
    start: (rows) => void (total = rows),
    advance(rows) {
      const before = Math.floor(done / PLAIN_PROGRESS_EVERY);
      done += rows;
      if (Math.floor(done / PLAIN_PROGRESS_EVERY) > before) process.stderr.write(`imported ${done} of ${total} rows\n`);
    },
    stop: () => undefined,
  };
}

/** Finds a member by number, email address or fax number (international form). */
async function findMember(directory: DynamoMemberDirectory, query: string): Promise<Member | undefined> {
  const text = query.trim();
  if (text.includes('@')) return directory.findByEmail(text);
  const byId = await directory.findById(text.toUpperCase());
  if (byId) return byId;
  return normalizePhoneNumber(text) === undefined ? undefined : directory.findByFax(text);
}

function memberLines(member: Member): string[] {
  return [
    `member:    ${member.memberId}`,
    `name:      ${member.firstName} ${member.lastName}`,
    `email:     ${member.email}`,
    `language:  ${member.language}`,
    `country:   ${member.country}`,
    `status:    ${member.status}`,
    `fax:       ${member.faxNumbers.length > 0 ? member.faxNumbers.join(', ') : '-'}`,
  ].map((line) => senderText(line, 'line'));
}

export function addMembersCommands(program: Command): void {
  const members = program.command('members').description('Load the members the intake knows, and look one up.');

  describe(
    withTargetOptions(members.command('import')),
    'Loads a members CSV into the members table; a file with a bad row imports nothing unless --skip-invalid.',
    ['members import members.csv --local', 'members import members.csv --dry-run --stack ClaimsIntake --region eu-west-1'],
    [
      'Every row is checked before anything is written, and each bad one reported by line and reason.',
      'Each member is written over by member_id; fax numbers no longer in the file stop identifying the member.',
      'Header: member_id,first_name,last_name,email,language,country,status,fax_numbers (language fr|en, country ISO alpha-2 in capitals, status active|suspended|terminated, fax numbers in international form separated by ";").',
      'Prints the members created, updated, unchanged and skipped.',
    ].join(' '),
  )
    .argument('<members.csv>', 'the members file')
    .option('--skip-invalid', 'import the good rows of a file that has bad ones')
    .option('--dry-run', 'check and compare with the table, write nothing')
    .action(async (file: string, options: TargetOptions & { skipInvalid?: boolean; dryRun?: boolean }) => {
      const summary = await withTarget(options, (target) =>
        importMembers({
          file,
          dynamo: target.dynamo,
          table: target.membersTable,
          skipInvalid: options.skipInvalid === true,
          dryRun: options.dryRun === true,
          progress: progressReporter(),
          onInvalid: (reason) => process.stderr.write(`${senderText(reason, 'line')}\n`),
        }),
      );
      const counts = `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, skipped ${summary.skipped}`;
      console.log(options.dryRun ? `Dry run, nothing written: would have ${counts}` : counts);
    });

  describe(withTargetOptions(members.command('show')), 'One member, found by member number, email address or fax number.', [
    'members show 12345678 --local',
    'members show jean.dupont@example.fr',
    'members show +33142868200',
  ])
    .argument('<id|email|fax>', 'member number, email address, or fax number in international form')
    .option('--json', 'print the member as JSON')
    .action(async (query: string, options: TargetOptions & { json?: boolean }) => {
      const member = await withTarget(options, (target) => findMember(new DynamoMemberDirectory(target.dynamo, target.membersTable), query));
      if (!member) throw new InputError(`no member matches ${query}`);
      console.log(options.json ? JSON.stringify(member, null, 2) : memberLines(member).join('\n'));
    });
}
