import type { DecodeJob } from '../../domain/documents/document-decoder.ts';
import { runDecodeJob } from '../../domain/documents/run-decode-job.ts';

/** What the decoder process answers for each job it is given. */
export type WorkerAnswer = { readonly result: Awaited<ReturnType<typeof runDecodeJob>> } | { readonly failure: string };

/**
 * The decoder process: decodes one untrusted document at a time, as its parent asks, within the
 * heap its parent gave it; the parent kills it when it passes its time or memory.
 */
const send = process.send?.bind(process);
if (send === undefined) throw new Error('The decoder runs as a child process with an IPC channel');
process.on('message', (job: DecodeJob) => {
  runDecodeJob(job).then(
    (result) => send({ result } satisfies WorkerAnswer),
    (error: unknown) => send({ failure: error instanceof Error ? error.name : 'unknown error' } satisfies WorkerAnswer),
  );
});
// The parent gone, nothing is left to decode for.
process.on('disconnect', () => process.exit(0));
