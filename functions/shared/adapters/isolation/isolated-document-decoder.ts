import { type ChildProcess, fork, type ForkOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Deadline } from '../../domain/deadline.ts';
import type { DecodeJob, DocumentDecoder, ScanJob, TextJob } from '../../domain/documents/document-decoder.ts';
import { textDecoderStopped, type TextReading } from '../../domain/documents/text-reading.ts';
import { decoderStopped, type ScanDecoding, type ScanPage } from '../../domain/scans/scan-page.ts';
import { DECODER_WORKER_FILE } from './decoder-worker-file.ts';
import type { WorkerAnswer } from './decoder-worker.ts';

/**
 * The decoder process's V8 heap, in MiB: a backstop past the memory ceiling below, which is the
 * bound. Not lower: V8 sizes its heap's growth to the limit, and under 2 GiB it collects more
 * often (at 384 MiB, pdf.js read the same pages with 20% more CPU, three times the full collections).
 */
export const DECODER_HEAP_MB = 2048;
/**
 * The decoder process's resident memory ceiling, in MiB. The heap limit does not cover the bytes
 * of ArrayBuffers (pdf.js's inflated streams) nor libvips's native memory (sharp): the process's
 * resident memory is sampled, and the process ended past this. Ended, a process gives all its
 * memory back, which a thread does not (its allocator keeps its arenas). With the largest claim
 * (340 MiB) and the OCR worker (450 MiB), it keeps the intake's 1536 MB clear.
 */
export const DECODER_MAX_MEMORY_MB = 512;
/** How often the decoder's resident memory is sampled while it decodes. */
const MEMORY_SAMPLE_MS = 5;
const PAGE_BYTES = 4096;
const MIB = 1024 * 1024;

type Outcome = { readonly kind: 'done'; readonly result: unknown } | { readonly kind: 'refused'; readonly reason: string };

const refused = (reason: string): Outcome => ({ kind: 'refused', reason });
const seconds = (milliseconds: number) => Math.round(milliseconds / 100) / 10;
const memoryReason = () => `not read: decoding it needed more than the ${DECODER_MAX_MEMORY_MB} MiB of memory a document may use`;

/**
 * The intake's environment, but for its allocator settings: they keep freed memory for the next
 * claim, which an idle decoder must give back instead.
 */
const decoderEnvironment = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MALLOC_')));

function startDecoder(): ChildProcess {
  const options: ForkOptions = {
    env: decoderEnvironment(),
    // Buffers and typed arrays cross as they are, not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [`--max-old-space-size=${DECODER_HEAP_MB}`, '--max-semi-space-size=16'],
  };
  if (!import.meta.url.endsWith('.ts')) return fork(fileURLToPath(new URL(`./${DECODER_WORKER_FILE}`, import.meta.url)), [], options);
  // From source (tests, the command line, npm start): the process loads its TypeScript through tsx, as this one does.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return fork(fileURLToPath(new URL('./decoder-worker.ts', import.meta.url)), [], { ...options, execArgv: ['--import', tsx, ...(options.execArgv ?? [])] });
}

/** Resident memory of a process, in bytes; undefined where the system does not say (not Linux). */
function residentBytes(pid: number | undefined): number | undefined {
  try {
    const resident = readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1];
    return resident === undefined ? undefined : Number(resident) * PAGE_BYTES;
  } catch {
    return undefined;
  }
}

/** Pixels come back as Uint8Array: the pages hold them as Buffers again. */
function withBuffers(decoding: ScanDecoding): ScanDecoding {
  if (decoding.kind !== 'pages') return decoding;
  const pages = decoding.pages.map((page): ScanPage => ({ ...page, pixels: Buffer.from(page.pixels.buffer, page.pixels.byteOffset, page.pixels.byteLength) }));
  return { kind: 'pages', pages };
}

/**
 * Decodes documents in a child process with a bounded heap, one document at a time, within the
 * document's deadline and the memory ceiling; a process past either is killed, and the next
 * document starts another. The process is kept between documents and claims: starting one costs
 * more than most documents' reading. Claims read at once (the local stack, the benchmark) take
 * turns: one decoder at its ceiling is all the function's memory has room for, and a document's
 * time starts with its turn.
 */
export class IsolatedDocumentDecoder implements DocumentDecoder {
  private kept: ChildProcess | undefined;
  private turns: Promise<unknown> = Promise.resolve();
  /** Highest resident memory sampled of a decoder process, in MiB: what the bound held it to. */
  peakMemoryMb = 0;

  async readText(job: TextJob, deadline: Deadline): Promise<TextReading> {
    const outcome = await this.run(job, deadline);
    // Past a bound, the document is not tried again (as a scan) in the same claim.
    return outcome.kind === 'done' ? (outcome.result as TextReading) : textDecoderStopped(outcome.reason);
  }

  async decodeScan(job: ScanJob, deadline: Deadline): Promise<ScanDecoding> {
    const outcome = await this.run(job, deadline);
    return outcome.kind === 'done' ? withBuffers(outcome.result as ScanDecoding) : decoderStopped(outcome.reason);
  }

  async release(): Promise<void> {
    this.kept?.kill('SIGKILL');
    this.kept = undefined;
  }

  private decoder(): ChildProcess {
    const kept = this.kept;
    this.kept = undefined;
    if (kept && kept.exitCode === null && kept.signalCode === null) return kept;
    const decoder = startDecoder();
    // An idle decoder does not keep a finished process (a command, a test) alive.
    decoder.unref();
    decoder.channel?.unref();
    decoder.on('exit', () => this.forget(decoder));
    // A job's own listener reports a failure while it runs; one between jobs only loses the process.
    decoder.on('error', () => this.forget(decoder));
    return decoder;
  }

  private forget(decoder: ChildProcess): void {
    if (this.kept === decoder) this.kept = undefined;
  }

  /** Runs the job once the documents asked for before it are decoded. */
  private run(job: DecodeJob, deadline: Deadline): Promise<Outcome> {
    const turn = this.turns.then(() => this.runNow(job, deadline));
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  private runNow(job: DecodeJob, deadline: Deadline): Promise<Outcome> {
    const limitMs = deadline.remainingMs();
    if (limitMs === 0) return Promise.resolve(refused('not read: no time was left to read it'));
    const decoder = this.decoder();
    decoder.ref();
    decoder.channel?.ref();
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome, keep: boolean) => {
        clearTimeout(timer);
        clearInterval(sampler);
        decoder.off('message', onAnswer).off('error', onFailure).off('exit', onExit);
        decoder.unref();
        decoder.channel?.unref();
        if (keep) this.kept = decoder;
        else decoder.kill('SIGKILL');
        resolve(outcome);
      };
      const onAnswer = (answer: WorkerAnswer) =>
        finish('result' in answer ? { kind: 'done', result: answer.result } : refused(`not read: its decoder failed (${answer.failure})`), true);
      const onFailure = (error: Error) => finish(refused(`not read: its decoder failed (${error.name})`), false);
      // V8 ends a process out of heap with an abort.
      const onExit = (_code: number | null, signal: NodeJS.Signals | null) =>
        finish(refused(signal === 'SIGABRT' ? memoryReason() : 'not read: its decoder stopped'), false);
      const timer = setTimeout(() => finish(refused(`not read: decoding it passed its ${seconds(limitMs)}-second time limit`), false), limitMs);
      const sampler = setInterval(() => {
        const resident = residentBytes(decoder.pid);
        if (resident === undefined) return;
        this.peakMemoryMb = Math.max(this.peakMemoryMb, resident / MIB);
        if (resident > DECODER_MAX_MEMORY_MB * MIB) finish(refused(memoryReason()), false);
      }, MEMORY_SAMPLE_MS);
      decoder.on('message', onAnswer).on('error', onFailure).on('exit', onExit);
      decoder.send(job);
    });
  }
}

let shared: IsolatedDocumentDecoder | undefined;

/** The process's decoder, shared by its claims. */
export function sharedDocumentDecoder(): IsolatedDocumentDecoder {
  shared ??= new IsolatedDocumentDecoder();
  return shared;
}
