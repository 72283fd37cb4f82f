import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import { INTAKE_TIMEOUT_MS } from '../local/lambda-context.ts';
import { keepDeadLetter, localDeadLetterDirectory, readDeadLetters, removeDeadLetter, type LocalDeadLetter } from '../local/local-dead-letters.ts';
import { localIntakeHandler } from '../local/local-intake.ts';
import { localStackFilePath } from '../local/local-stack-file.ts';
import { queuedRecord } from '../local/ses-receipt-event.ts';
import { deliverQueuedRecord, QUEUE_ARN } from '../local/ses-receiving.ts';
import { describeQueuedMessage, type DeadLetterEntry } from './dead-letters.ts';
import type { Target } from './target.ts';
import { InputError } from './usage-error.ts';

/** What became of a dead letter sent back through the intake. */
export interface LocalReplay {
  readonly id: string;
  /** The intake failed it again on every delivery: it stays in the dead-letter list. */
  readonly failedAgain: boolean;
}

const deadLetterDirectory = () => localDeadLetterDirectory(localStackFilePath());

/** The local stack's dead letters, oldest first, described as `dlq list` describes the queue's. */
export async function listLocalDeadLetters(target: Target, limit: number): Promise<DeadLetterEntry[]> {
  const claims = new DynamoClaimRepository(target.dynamo, target.claimsTable);
  const letters = (await readDeadLetters(deadLetterDirectory())).slice(0, limit);
  return Promise.all(letters.map((letter) => describeQueuedMessage({ id: letter.id, sentAt: letter.sentAt, receiveCount: letter.receiveCount }, letter.body, claims)));
}

/**
 * Sends dead letters back through the local intake, delivered as the queue delivers them; one
 * the intake finishes leaves the list, one it fails again stays, its receive count added to. A
 * message the intake recorded already changes nothing: a claim is keyed by its SES message id.
 */
export async function replayLocalDeadLetters(target: Target, selection: { readonly id?: string; readonly limit: number }): Promise<LocalReplay[]> {
  const local = target.local;
  if (!local) throw new Error('a local replay needs the local stack');
  const directory = deadLetterDirectory();
  const letters = await readDeadLetters(directory);
  const chosen = selection.id === undefined ? letters.slice(0, selection.limit) : letters.filter((letter) => letter.id === selection.id);
  if (selection.id !== undefined && chosen.length === 0) throw new InputError(`no message ${selection.id} in the local dead-letter list (dlq list --local shows their ids)`);
  if (chosen.length === 0) return [];
  const deliver = await localIntakeHandler(local);
  const replays: LocalReplay[] = [];
  for (const letter of chosen) {
    const { attempts, failed } = await deliverQueuedRecord(deliver, INTAKE_TIMEOUT_MS, queuedRecord(letter.id, letter.body, QUEUE_ARN, Date.parse(letter.sentAt)));
    await (failed ? keepDeadLetter(directory, receivedAgain(letter, attempts)) : removeDeadLetter(directory, letter.id));
    replays.push({ id: letter.id, failedAgain: failed });
  }
  return replays;
}

const receivedAgain = (letter: LocalDeadLetter, attempts: number): LocalDeadLetter => ({ ...letter, receiveCount: letter.receiveCount + attempts });
