import type { Command } from 'commander';
import { senderText } from '../../functions/shared/domain/sender-text.ts';
import { describe } from './program.ts';
import { runTriage } from './triage-command.ts';

const TRIAGE_DETAILS = [
  "The intake's own addresses (a message from one is a loop) are --to and, when set, INTAKE_ADDRESSES and SENDER_ADDRESS.",
  "Without --verdicts they come from the message's X-SES-*-Verdict headers (DMARC also from the topmost Authentication-Results, if amazonses.com wrote it), else PASS; with it, those not named are PASS.",
  'dmarcPolicy (none|quarantine|reject) is what SES reports when DMARC fails: FAIL with reject or quarantine is quarantined.',
  'With dmarc=GRAY the sender is trusted only on an aligned SPF or DKIM pass in the topmost Authentication-Results, if amazonses.com wrote it.',
].join(' ');

export function addTriageCommand(program: Command): void {
  describe(
    program.command('triage'),
    "The intake's decision for one .eml file, with members from a CSV file: no AWS, nothing sent.",
    ['triage message.eml --members members.csv', 'triage fax.eml --members members.csv --to fax@claims.example.org --verdicts dmarc=FAIL,dmarcPolicy=reject --json'],
    TRIAGE_DETAILS,
  )
    .argument('<message.eml>', 'the message as received, headers included')
    .requiredOption('--members <members.csv>', 'the members file, as `members import` takes it')
    .option('--to <recipient>', 'the intake address the message was sent to (default: its To header)')
    .option('--verdicts <list>', "SES's verdicts, e.g. spam=PASS,virus=PASS,spf=PASS,dkim=PASS,dmarc=FAIL,dmarcPolicy=reject")
    .option('--json', 'print the report as JSON')
    .action(async (messagePath: string, options: { members: string; to?: string; verdicts?: string; json?: boolean }) => {
      const report = await runTriage({ messagePath, membersPath: options.members, to: options.to, verdicts: options.verdicts });
      console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    });
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
