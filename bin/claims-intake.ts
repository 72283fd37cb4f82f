#!/usr/bin/env -S node --import tsx
import { parseArgs } from 'node:util';
import { senderText } from '../functions/shared/domain/sender-text.ts';
import { runTriage } from './cli/triage-command.ts';
import { runMembersImport } from './cli/members-command.ts';
import { runReviewList } from './cli/review-command.ts';
import { InputError, UsageError } from './cli/usage-error.ts';
import { MembersCsvError } from '../functions/shared/adapters/members-csv.ts';

const USAGE = `Usage:
  claims-intake triage <message.eml> --members <members.csv> [--to <recipient>] [--verdicts spam=PASS,virus=PASS,spf=PASS,dkim=PASS,dmarc=FAIL,dmarcPolicy=reject] [--json]
    The intake's own addresses (a message from one is a loop) are --to and, when set, INTAKE_ADDRESSES and
    SENDER_ADDRESS. Without --verdicts they come from the message's X-SES-*-Verdict headers (DMARC also from
    the topmost Authentication-Results, if amazonses.com wrote it), else PASS; with it, those not named are
    PASS. dmarcPolicy (none|quarantine|reject) is what SES reports when DMARC fails: FAIL with reject or
    quarantine is quarantined. With dmarc=GRAY the sender is trusted only on an aligned SPF or DKIM pass in
    the topmost Authentication-Results, if amazonses.com wrote it.
  claims-intake members import <members.csv> --table <members-table> [--region <region>]
  claims-intake review list --table <claims-table> [--status REVIEW] [--limit 50] [--region <region>]

Exit codes:
  0  done; for triage, any decision, a message that could not be read included
  1  the command failed (a bug, AWS unreachable or refusing): one line on stderr
  2  bad arguments, a file that cannot be read, or a malformed members file: one line on stderr`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      members: { type: 'string' },
      to: { type: 'string' },
      verdicts: { type: 'string' },
      json: { type: 'boolean', default: false },
      table: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return void console.log(USAGE);
  if (command === 'triage') {
    const [messagePath] = rest;
    if (!messagePath || rest.length > 1) throw new UsageError('triage takes one message file');
    if (!values.members) throw new UsageError('triage needs --members <members.csv>');
    const report = await runTriage({ messagePath, membersPath: values.members, to: values.to, verdicts: values.verdicts });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return;
  }
  if (command === 'members' && rest[0] === 'import') {
    const [, csvPath] = rest;
    if (!csvPath) throw new UsageError('members import takes a members.csv file');
    if (!values.table) throw new UsageError('members import needs --table <members-table>');
    const count = await runMembersImport({ csvPath, table: values.table, region: values.region });
    console.log(`${count} members imported into ${values.table}`);
    return;
  }
  if (command === 'review' && rest[0] === 'list') {
    if (!values.table) throw new UsageError('review list needs --table <claims-table>');
    const lines = await runReviewList({ table: values.table, status: values.status, limit: values.limit, region: values.region });
    console.log(lines.length > 0 ? lines.join('\n') : 'No claim in that status.');
    return;
  }
  throw new UsageError(command ? `unknown command "${positionals.join(' ')}"` : 'no command given');
}

function formatReport(report: Awaited<ReturnType<typeof runTriage>>): string {
  return [
    `status:    ${report.status}`,
    `channel:   ${report.channel}`,
    `member:    ${report.memberId ?? '-'}`,
    `treatment: ${report.treatmentCountry ?? '-'}`,
    `route:     ${report.route ?? '-'}`,
    ...report.reasons.map((reason) => `reason:    ${reason}`),
    ...report.documents.map((d) => `document:  ${d.name} (${d.type}, ${d.size} bytes, ${d.textRead ? 'text read' : 'not read'})`),
  ]
    .map((line) => senderText(line, 'line'))
    .join('\n');
}

/** Exit codes, as the usage text states them. */
const EXIT_FAILURE = 1;
const EXIT_BAD_INPUT = 2;

/** The error's first line, as a terminal shows it: what it quotes of a file cannot move the cursor or recolour it. */
const oneLine = (text: string) => senderText(text.split(/\r?\n/)[0] ?? '', 'line');

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  const badInput = usage || error instanceof InputError || error instanceof MembersCsvError;
  const message = oneLine(error instanceof Error ? error.message : String(error));
  console.error(badInput ? `claims-intake: ${message}` : `claims-intake: failed (${error instanceof Error ? error.name : 'error'}): ${message}`);
  if (usage) console.error(USAGE);
  process.exit(badInput ? EXIT_BAD_INPUT : EXIT_FAILURE);
});
