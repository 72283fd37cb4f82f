import { rmSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { DEFAULT_LOCAL_REGION } from './client-config.ts';
import { localIntakeEnvironment } from './intake-environment.ts';
import type { LocalAws } from './local-aws.ts';

/**
 * Where `npm start` says what it runs, for `claims-intake --local`: git-ignored, under the project
 * root. CLAIMS_INTAKE_LOCAL_STACK_FILE names another file (a test's own local stack).
 */
export const DEFAULT_LOCAL_STACK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.claims-intake/local-stack.json');

export function localStackFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAIMS_INTAKE_LOCAL_STACK_FILE || DEFAULT_LOCAL_STACK_FILE;
}

const localStackSchema = z.object({
  /** The process that runs the stack: a file left by one that was killed is not a running stack. */
  pid: z.number(),
  region: z.string(),
  endpoints: z.object({ dynamodb: z.string(), s3: z.string(), ses: z.string() }),
  resources: z.object({ membersTable: z.string(), claimsTable: z.string(), bucket: z.string() }),
  /** The intake function's environment: what a replay or a decision runs the intake with, as npm start does. */
  intake: z.record(z.string(), z.string()),
});

export type LocalStack = z.infer<typeof localStackSchema>;

/** What this process's emulators are: where they listen and what they hold; the intake's replies link to the status page when given its URL. */
export function localStackOf(aws: LocalAws, statusPageUrl?: string): LocalStack {
  const { membersTable, claimsTable, bucket } = aws.resources;
  return {
    pid: process.pid,
    region: aws.env.AWS_REGION ?? DEFAULT_LOCAL_REGION,
    endpoints: { dynamodb: aws.endpoints.dynamodb, s3: aws.endpoints.s3, ses: aws.endpoints.ses },
    resources: { membersTable, claimsTable, bucket },
    intake: localIntakeEnvironment(aws, statusPageUrl),
  };
}

/**
 * Writes the file whole or not at all (a reader never sees half of it) and returns what removes
 * it: synchronous, so it also runs in an `exit` listener.
 */
export async function writeLocalStackFile(stack: LocalStack, file: string = localStackFilePath()): Promise<() => void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, file);
  return () => rmSync(file, { force: true });
}

/** The running local stack, or undefined when none runs (no file, or its process is gone). */
export async function readLocalStackFile(file: string = localStackFilePath()): Promise<LocalStack | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = localStackSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a local stack file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return isRunning(parsed.data.pid) ? parsed.data : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
