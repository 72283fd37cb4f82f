import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { terminalLines } from './claim-view.ts';
import { listDeadLetters, replayDeadLetters, type DeadLetterEntry } from './dead-letters.ts';
import { listLocalDeadLetters, replayLocalDeadLetters, type LocalReplay } from './local-dead-letters.ts';
import { describe, positiveInteger, ReportedFailure } from './program.ts';
import { readStackOutputs } from './stack-outputs.ts';
import { withTarget, withTargetOptions, type TargetOptions } from './target.ts';
import { UsageError } from './usage-error.ts';

/** More than the dead-letter alarm ever lets pile up before someone looks. */
export const DEFAULT_DLQ_LIMIT = 100;

interface DlqOptions extends TargetOptions {
  readonly limit: number;
}

interface DlqTarget {
  readonly sqs: SQSClient;
  readonly claims: DynamoClaimRepository;
  readonly deadLetterQueueUrl: string;
  readonly intakeQueueUrl: string;
}

async function withDlqTarget<T>(options: TargetOptions, work: (target: DlqTarget) => Promise<T>): Promise<T> {
  const config = options.region ? { region: options.region } : {};
  const cloudFormation = new CloudFormationClient(config);
  const { output } = await readStackOutputs(cloudFormation, options.stack).finally(() => cloudFormation.destroy());
  const queues = { deadLetterQueueUrl: output('IntakeDeadLetterQueueUrl'), intakeQueueUrl: output('IntakeQueueUrl') };
  const claimsTable = output('ClaimsTableName');
  const sqs = new SQSClient(config);
  const dynamo = new DynamoDBClient(config);
  try {
    const claims = new DynamoClaimRepository(DynamoDBDocumentClient.from(dynamo), claimsTable);
    return await work({ sqs, claims, ...queues });
  } finally {
    sqs.destroy();
    dynamo.destroy();
  }
}

/** One block per dead letter; what came from the message is made safe for the terminal. */
export function deadLetterLines(entry: DeadLetterEntry): string[] {
  const lines = [
    `${entry.id}  sent ${entry.sentAt ?? '-'}  received ${entry.receiveCount ?? '-'} times`,
    `  message: ${entry.sesMessageId ?? '-'}  raw: ${entry.rawObject ?? '-'}`,
    ...(entry.claim ? [`  claim:   ${entry.claim.reference} ${entry.claim.status}${entry.claim.reasons.length > 0 ? ` (${entry.claim.reasons.join('; ')})` : ''}`] : []),
    `  error:   ${entry.error}`,
  ];
  return terminalLines(lines);
}

export function addDlqCommands(program: Command): void {
  const dlq = program.command('dlq').description("The intake's dead-letter queue: the messages the intake failed on every delivery.");

  describe(
    withTargetOptions(dlq.command('list')),
    'Each message in the intake dead-letter queue: when, which claim or raw message, what is known of the error.',
    ['dlq list --stack ClaimsIntake', 'dlq list --json --stack ClaimsIntake --region eu-west-1', 'dlq list --local'],
    'Messages are read without being taken: they stay in the queue, and its alarm stays raised, until replayed. With --local, the messages npm start failed on every delivery.',
  )
    .option('--limit <n>', 'at most this many messages', positiveInteger('--limit'), DEFAULT_DLQ_LIMIT)
    .option('--json', 'print the messages as JSON')
    .action(async (options: DlqOptions & { json?: boolean }) => {
      const found = options.local
        ? await withTarget(options, (target) => listLocalDeadLetters(target, options.limit))
        : await withDlqTarget(options, (target) => listDeadLetters(target.sqs, target.deadLetterQueueUrl, target.claims, options.limit));
      if (options.json) return void console.log(JSON.stringify(found, null, 2));
      console.log(found.length > 0 ? found.flatMap(deadLetterLines).join('\n') : 'The dead-letter queue is empty.');
    });

  describe(
    withTargetOptions(dlq.command('replay')),
    'Sends dead letters back through the intake, then removes them from the dead-letter queue.',
    ['dlq replay 4b3c2a10-7f1e-4d2b-9a55-0c1e2f3a4b5c', 'dlq replay --all --stack ClaimsIntake --region eu-west-1', 'dlq replay --all --local'],
    'A message the intake recorded already changes nothing: a claim is keyed by its SES message id. With --local, each goes through the local intake at once, delivered as the queue would; one it fails again stays in the list, and the command exits 1.',
  )
    .argument('[id]', 'the message id dlq list shows')
    .option('--all', 'every message in the queue')
    .option('--limit <n>', 'with --all, at most this many messages', positiveInteger('--limit'), DEFAULT_DLQ_LIMIT)
    .action(async (id: string | undefined, options: DlqOptions & { all?: boolean }) => {
      if ((id === undefined) === (options.all !== true)) throw new UsageError('name one message id, or --all');
      if (options.local) return printLocalReplays(await withTarget(options, (target) => replayLocalDeadLetters(target, { ...(id !== undefined ? { id } : {}), limit: options.limit })));
      const replayed = await withDlqTarget(options, (target) =>
        replayDeadLetters(target.sqs, target, { ...(id !== undefined ? { id } : {}), limit: options.limit }),
      );
      console.log(replayed.length > 0 ? replayed.map((replayedId) => `replayed ${replayedId}`).join('\n') : 'The dead-letter queue is empty.');
    });
}

function printLocalReplays(replays: readonly LocalReplay[]): void {
  if (replays.length === 0) return void console.log('The dead-letter list is empty.');
  console.log(replays.map(({ id, failedAgain }) => (failedAgain ? `${id} failed again on every delivery: still in the dead-letter list` : `replayed ${id}`)).join('\n'));
  if (replays.some((replay) => replay.failedAgain)) throw new ReportedFailure('a replayed message failed again');
}
