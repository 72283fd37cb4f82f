import { rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport } from 'nodemailer';
import { createAwsClients } from '../functions/shared/clients.ts';
import { parseIntakeConfig } from '../functions/shared/config.ts';
import { DynamoClaimRepository } from '../functions/shared/adapters/dynamo-claim-repository.ts';
import { DynamoMemberDirectory } from '../functions/shared/adapters/dynamo-member-directory.ts';
import { parseMembersCsv } from '../functions/shared/adapters/members-csv.ts';
import type { ClaimRecord } from '../functions/shared/domain/claim.ts';
import { deadLetterDepthLine, deadLetteredLine } from './local/dead-letter-report.ts';
import { localDeadLetterDirectory, readDeadLetters } from './local/local-dead-letters.ts';
import { startLocalAws, type SesOutbox } from './local/local-aws.ts';
import { localStackFilePath, localStackOf, writeLocalStackFile, type LocalStack } from './local/local-stack-file.ts';
import { localIntakeEnvironment, LOCAL_CLAIMS_DOMAIN } from './local/intake-environment.ts';
import { startLocalStatusPage } from './local/local-status-page.ts';
import { startSesReceiving, type DeliveryResult, type SesReceiving } from './local/ses-receiving.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures');
const smtpPort = Number(process.env.SMTP_PORT ?? 2525);
const statusPagePort = Number(process.env.STATUS_PAGE_PORT ?? 8080);
/** Emailed claims, then faxes, scans and photos that only OCR can read. */
const SAMPLE_FOLDERS = ['claims', 'scan-claims'];

/** Runs the whole intake on this machine: emulated AWS, SES receiving on SMTP, sample claims. */
async function main(): Promise<void> {
  const aws = await startLocalAws();
  Object.assign(process.env, localIntakeEnvironment(aws));
  const statusPage = await startLocalStatusPage(statusPagePort);
  const stack = localStackOf(aws, statusPage.url);
  Object.assign(process.env, stack.intake);
  const deadLetterDirectory = localDeadLetterDirectory(localStackFilePath());
  // Dead letters of an earlier run name messages its emulators took with them.
  rmSync(deadLetterDirectory, { recursive: true, force: true });
  const removeStackFile = await announceLocalStack(stack);
  const removeLocalFiles = () => {
    removeStackFile();
    rmSync(deadLetterDirectory, { recursive: true, force: true });
  };
  process.on('exit', removeLocalFiles);
  const config = parseIntakeConfig(process.env);
  const clients = createAwsClients(config);
  const claims = new DynamoClaimRepository(clients.dynamo, config.CLAIMS_TABLE);

  const members = parseMembersCsv(await readFile(path.join(fixtures, 'members.csv'), 'utf8'));
  const directory = new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE);
  for (const member of members) await directory.save(member);

  const results = new Map<string, DeliveryResult>();
  // Read once messages flow, after `receiving` below has started.
  const report: Report = { claims, outbox: aws.outbox, statusPageUrl: statusPage.url, deadLetterDepth: async () => (await readDeadLetters(deadLetterDirectory)).length };
  let samplesSent = false;
  const { handler } = await import('../functions/intake/handler.ts');
  const receiving = await startSesReceiving({
    port: smtpPort,
    domain: LOCAL_CLAIMS_DOMAIN,
    s3: clients.s3,
    bucket: config.CLAIMS_BUCKET,
    deliver: handler,
    deadLetterDirectory,
    onProcessed: (result) => {
      results.set(result.sesMessageId, result);
      return samplesSent ? printOutcome(result, report, 'received') : undefined;
    },
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await receiving.close();
    await statusPage.close();
    await aws.stop();
    removeLocalFiles();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  console.log(`claims-intake running locally`);
  console.log(`  SMTP (SES receiving): 127.0.0.1:${receiving.port}, addresses claims@${LOCAL_CLAIMS_DOMAIN} and fax@${LOCAL_CLAIMS_DOMAIN}`);
  console.log(`  ${members.length} sample members loaded`);
  console.log(`  Outbox (mail SES sent): ${aws.outbox.webUrl}`);
  console.log(`  Status page (function URL): ${statusPage.url}claims/<reference>?t=<token>, the link each reply gives\n`);

  await sendSampleClaims(receiving, report, results);
  samplesSent = true;
  console.log(`\n${deadLetterDepthLine(await report.deadLetterDepth())}`);
  console.log(`Sample claims done. Forwards and acknowledgements: ${aws.outbox.webUrl}`);
  console.log(`Send your own: swaks --server 127.0.0.1:${receiving.port} --to claims@${LOCAL_CLAIMS_DOMAIN} --attach @invoice.pdf`);
  console.log('Listening; Ctrl-C to stop.');
}

/** Writes what `claims-intake --local` reads; removed when this process ends. */
async function announceLocalStack(stack: LocalStack): Promise<() => void> {
  const remove = await writeLocalStackFile(stack);
  console.log(`Local stack described in ${path.relative(process.cwd(), localStackFilePath())}: claims-intake --local uses it`);
  return remove;
}

/** One at a time, so each printed outcome sits beside the sample it came from. */
async function sendSampleClaims(receiving: SesReceiving, report: Report, results: ReadonlyMap<string, DeliveryResult>): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: receiving.port, secure: false, ignoreTLS: true });
  const files = [];
  for (const folder of SAMPLE_FOLDERS) {
    const names = (await readdir(path.join(fixtures, folder))).filter((file) => file.endsWith('.eml')).sort();
    files.push(...names.map((name) => path.join(folder, name)));
  }
  for (const sample of files) {
    const file = path.basename(sample);
    const raw = await readFile(path.join(fixtures, sample));
    const to = file.startsWith('fax-') ? `fax@${LOCAL_CLAIMS_DOMAIN}` : `claims@${LOCAL_CLAIMS_DOMAIN}`;
    const from = /^From:.*?([^\s<>"]+@[^\s<>"]+)/im.exec(raw.toString('latin1'))?.[1] ?? 'sender@example.com';
    const info = await transport.sendMail({ envelope: { from: file === 'bounce.eml' ? '' : from, to }, raw });
    await receiving.idle();
    const result = results.get(/Ok ([0-9a-f]+)/.exec(info.response)?.[1] ?? '');
    if (result) await printOutcome(result, report, file);
  }
  transport.close();
}

/** Where a claim's outcome is read from: the claims table, and the reply in the outbox; where dead letters are kept. */
interface Report {
  readonly claims: DynamoClaimRepository;
  readonly outbox: SesOutbox;
  readonly statusPageUrl: string;
  /** The local dead-letter list's length: `dlq replay --local` takes from it while this runs. */
  readonly deadLetterDepth: () => Promise<number>;
}

async function printOutcome(result: DeliveryResult, report: Report, label: string): Promise<void> {
  if (result.failed) {
    console.log(deadLetteredLine(label, result));
    console.log(deadLetterDepthLine(await report.deadLetterDepth()));
    return;
  }
  const claim = await report.claims.findByMessageId(result.sesMessageId);
  if (!claim) return;
  console.log(
    [
      label.padEnd(26),
      claim.reference.padEnd(16),
      (claim.route ?? '-').padEnd(9),
      claim.status.padEnd(12),
      (claim.treatmentCountry ?? '-').padEnd(3),
      (await statusLinkSent(claim, report)) ?? '-',
    ].join(' '),
  );
}

/** The status link in the reply the claim got, as the member received it. */
async function statusLinkSent(claim: ClaimRecord, report: Report): Promise<string | undefined> {
  const messageId = claim.acknowledgement?.messageId;
  if (!messageId) return undefined;
  const reply = (await report.outbox.list()).find((email) => email.messageId === messageId);
  return reply?.body.text?.split('\n').find((line) => line.startsWith(report.statusPageUrl));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
