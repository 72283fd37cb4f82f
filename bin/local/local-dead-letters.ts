import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';

/**
 * A message the local intake failed on every delivery, kept whole as the dead-letter queue keeps
 * it, so that it can be listed and replayed: `dlq list --local`, `dlq replay --local`.
 */
const deadLetterSchema = z.object({
  /** The queue message's id, as `dlq replay <id>` takes it. */
  id: z.string(),
  /** The queue message's body: the SNS envelope around SES's receipt notification. */
  body: z.string(),
  sentAt: z.string(),
  receiveCount: z.number(),
});

export type LocalDeadLetter = z.infer<typeof deadLetterSchema>;

/** A queue message id is a UUID: nothing in it can leave the directory. */
const DEAD_LETTER_ID = /^[0-9a-f-]{36}$/;

/**
 * The local dead-letter list: one file per message beside the local stack file, so that
 * `npm start` adds to it while the CLI lists and removes from it, neither rewriting the other's
 * work. `npm start` clears it when it starts and when it ends, with the emulators' data.
 */
export function localDeadLetterDirectory(stackFile: string): string {
  return path.join(path.dirname(stackFile), 'dead-letters');
}

export async function keepDeadLetter(directory: string, letter: LocalDeadLetter): Promise<void> {
  await mkdir(directory, { recursive: true });
  const file = fileOf(directory, letter.id);
  await writeFile(`${file}.tmp`, JSON.stringify(letter), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

/** Oldest first, as a queue gives them. */
export async function readDeadLetters(directory: string): Promise<LocalDeadLetter[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const letters = await Promise.all(
    names.filter((name) => name.endsWith('.json')).map(async (name) => deadLetterSchema.parse(JSON.parse(await readFile(path.join(directory, name), 'utf8')))),
  );
  return letters.sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

export async function removeDeadLetter(directory: string, id: string): Promise<void> {
  await rm(fileOf(directory, id), { force: true });
}

function fileOf(directory: string, id: string): string {
  if (!DEAD_LETTER_ID.test(id)) throw new Error(`not a queue message id: ${id}`);
  return path.join(directory, `${id}.json`);
}
