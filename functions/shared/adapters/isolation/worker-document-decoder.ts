import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import type { Deadline } from '../../domain/deadline.ts';
import type { DecodeJob, DocumentDecoder, ScanJob, TextJob } from '../../domain/documents/document-decoder.ts';
import { textNotRead, type TextReading } from '../../domain/documents/text-reading.ts';
import { loadSharp } from '../../domain/scans/load-sharp.ts';
import { notRead, type ScanDecoding, type ScanPage } from '../../domain/scans/scan-page.ts';
import { DECODER_WORKER_FILE } from './decoder-worker-file.ts';
import type { WorkerAnswer } from './decoder-worker.ts';

/**
 * The decoder's V8 heap: pdf.js's objects for the first pages of the largest PDF read (20 MiB)
 * take a fraction of it. A file that makes pdf.js build more (a font declaring two billion
 * widths) ends the worker with ERR_WORKER_OUT_OF_MEMORY instead of taking the function's memory.
 */
export const DECODER_HEAP_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
/**
 * What the process may grow by while one document is decoded, in MiB. The V8 limits above do not
 * cover the bytes of ArrayBuffers (pdf.js's decoded streams) nor libvips's native memory (sharp):
 * the process's resident memory is sampled, and the worker ended past this. With the largest
 * claim (340 MiB) and the OCR worker (450 MiB), it keeps the intake's 1536 MB clear.
 */
export const DECODER_MAX_MEMORY_GROWTH_MB = 512;
/** How often the resident memory is sampled while a document is decoded. */
const MEMORY_SAMPLE_MS = 10;
/** Workers kept started between documents: the intake reads one document at a time. */
const MAX_IDLE_WORKERS = 1;
const MIB = 1024 * 1024;

type Outcome = { readonly kind: 'done'; readonly result: unknown } | { readonly kind: 'refused'; readonly reason: string };

const refused = (reason: string): Outcome => ({ kind: 'refused', reason });
const seconds = (milliseconds: number) => Math.round(milliseconds / 100) / 10;

function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${DECODER_WORKER_FILE}`, import.meta.url), options);
  // From source (tests, the command line, npm start): the worker loads its TypeScript through tsx,
  // as the process does.
  // tsx's ES module build (its package exports it beside the CommonJS one it resolves to here).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./decoder-worker.ts', import.meta.url).href;
  const load = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { ...options, eval: true });
}

/** Pixels come back from the worker as Uint8Array: the pages hold them as Buffers again. */
function withBuffers(decoding: ScanDecoding): ScanDecoding {
  if (decoding.kind !== 'pages') return decoding;
  const pages = decoding.pages.map((page): ScanPage => ({ ...page, pixels: Buffer.from(page.pixels.buffer, page.pixels.byteOffset, page.pixels.byteLength) }));
  return { kind: 'pages', pages };
}

/**
 * Decodes documents in a worker thread with a bounded heap, one document per worker at a time,
 * within the document's deadline and the memory bound; a worker past either is ended, and the
 * next document starts another. Workers are kept between documents and claims: starting one
 * costs more than most documents' reading.
 */
export class WorkerDocumentDecoder implements DocumentDecoder {
  private readonly idle: Worker[] = [];

  async readText(job: TextJob, deadline: Deadline): Promise<TextReading> {
    const outcome = await this.run(job, deadline);
    return outcome.kind === 'done' ? (outcome.result as TextReading) : textNotRead(outcome.reason);
  }

  async decodeScan(job: ScanJob, deadline: Deadline): Promise<ScanDecoding> {
    const outcome = await this.run(job, deadline);
    return outcome.kind === 'done' ? withBuffers(outcome.result as ScanDecoding) : notRead(outcome.reason);
  }

  async release(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private async worker(): Promise<Worker> {
    const kept = this.idle.pop();
    if (kept) return kept;
    // On glibc, sharp must be loaded by the main thread before any worker loads it, so that its
    // shared libraries outlive the workers (sharp's documentation, "Worker threads").
    await loadSharp();
    const worker = startWorker({ resourceLimits: DECODER_HEAP_LIMITS, stdout: false, stderr: false });
    // An idle worker does not keep a finished process (a command, a test) alive.
    worker.unref();
    // A job's own listener reports a failure while it runs; one between jobs only loses the worker.
    worker.on('error', () => this.forget(worker));
    return worker;
  }

  private forget(worker: Worker): void {
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
  }

  private async run(job: DecodeJob, deadline: Deadline): Promise<Outcome> {
    const limitMs = deadline.remainingMs();
    if (limitMs === 0) return refused('not read: no time was left to read it');
    const worker = await this.worker();
    return new Promise<Outcome>((resolve) => {
      const memoryAtStart = process.memoryUsage.rss();
      const finish = (outcome: Outcome, keepWorker: boolean) => {
        clearTimeout(timer);
        clearInterval(sampler);
        worker.off('message', onAnswer).off('error', onError).off('exit', onExit);
        if (keepWorker && this.idle.length < MAX_IDLE_WORKERS) this.idle.push(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      const onAnswer = (answer: WorkerAnswer) =>
        finish('result' in answer ? { kind: 'done', result: answer.result } : refused(`not read: its decoder failed (${answer.failure})`), true);
      const onError = (error: Error & { code?: string }) =>
        finish(refused(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryReason() : `not read: its decoder failed (${error.name})`), false);
      const onExit = () => finish(refused('not read: its decoder stopped'), false);
      const timer = setTimeout(() => finish(refused(`not read: decoding it passed its ${seconds(limitMs)}-second time limit`), false), limitMs);
      const sampler = setInterval(() => {
        if (process.memoryUsage.rss() - memoryAtStart > DECODER_MAX_MEMORY_GROWTH_MB * MIB) finish(refused(memoryReason()), false);
      }, MEMORY_SAMPLE_MS).unref();
      worker.on('message', onAnswer).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }
}

function memoryReason(): string {
  return `not read: decoding it needed more memory than the ${DECODER_MAX_MEMORY_GROWTH_MB} MiB a document may use`;
}

let shared: WorkerDocumentDecoder | undefined;

/** The process's decoder, shared by its claims. */
export function sharedDocumentDecoder(): WorkerDocumentDecoder {
  shared ??= new WorkerDocumentDecoder();
  return shared;
}
