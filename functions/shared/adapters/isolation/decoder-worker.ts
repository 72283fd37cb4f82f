import { parentPort } from 'node:worker_threads';
import type { DecodeJob } from '../../domain/documents/document-decoder.ts';
import { runDecodeJob } from '../../domain/documents/run-decode-job.ts';

/** What the worker answers for each job it is given. */
export type WorkerAnswer = { readonly result: Awaited<ReturnType<typeof runDecodeJob>> } | { readonly failure: string };

/**
 * The decoder worker: decodes one untrusted document at a time, as its parent asks, within the
 * heap its parent gave it; the parent ends it when it passes its time or memory.
 */
const port = parentPort;
if (port === null) throw new Error('The decoder runs as a worker thread');
port.on('message', (job: DecodeJob) => {
  runDecodeJob(job).then(
    (result) => port.postMessage({ result } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage({ failure: error instanceof Error ? error.name : 'unknown error' } satisfies WorkerAnswer),
  );
});
