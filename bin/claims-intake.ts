#!/usr/bin/env -S node --import tsx
import { parseArgs } from 'node:util';
import { senderText } from '../functions/shared/domain/sender-text.ts';
import { runTriage } from './cli/triage-command.ts';
import { runMembersImport } from './cli/members-command.ts';
import { runReviewList } from './cli/review-command.ts';
import { UsageError } from './cli/usage-error.ts';

const USAGE = `Usage:
  claims-intake triage <message.eml> --members <members.csv> [--to <recipient>] [--verdicts spam=PASS,virus=PASS,spf=PASS,dkim=PASS,dmarc=PASS] [--json]
  claims-intake members import <members.csv> --table <members-table> [--region <region>]
  claims-intake review list --table <claims-table> [--status REVIEW] [--limit 50] [--region <region>]`;

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

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  const message = error instanceof Error ? error.message : String(error);
  console.error(`claims-intake: ${message}`);
  if (usage) console.error(USAGE);
  process.exit(2);
});
