import type { Worker } from 'tesseract.js';
import type { OcrEngine, OcrPageText } from '../../domain/scans/index.ts';
import { TESSERACT_LANGUAGES, tesseractLanguageFolder } from './tesseract-languages.ts';

/**
 * A worker holds ~150 MB. It is kept between the claims of a busy function; once idle this long
 * it is ended, so that it neither holds the memory nor keeps a finished process (a command, a
 * test) alive.
 */
const IDLE_RELEASE_MS = 15_000;

async function startWorker(): Promise<Worker> {
  // Loaded on first use: claims whose documents have a text layer never pay for it.
  const { createWorker, OEM } = await import('tesseract.js');
  const langPath = await tesseractLanguageFolder();
  // The language data is local: nothing to cache, nothing to download.
  return createWorker([...TESSERACT_LANGUAGES], OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
}

async function terminate(worker: Promise<Worker> | undefined): Promise<void> {
  await worker?.then((started) => started.terminate()).catch(() => undefined);
}

/** OCR with tesseract.js, offline, French and English, in a worker thread started on first use. */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private worker: Promise<Worker> | undefined;
  private busy = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  async recognize(image: Buffer, signal: AbortSignal): Promise<OcrPageText> {
    signal.throwIfAborted();
    this.busy += 1;
    clearTimeout(this.idleTimer);
    try {
      const recognition = this.startedWorker().then((worker) => {
        // Time may have run out while the worker started: then it is not given the page.
        signal.throwIfAborted();
        return worker.recognize(image);
      });
      const { data } = await this.abortable(recognition, signal);
      return { text: data.text, confidence: data.confidence };
    } finally {
      this.busy -= 1;
      if (this.busy === 0) this.idleTimer = setTimeout(() => void this.release(), IDLE_RELEASE_MS).unref();
    }
  }

  async release(): Promise<void> {
    clearTimeout(this.idleTimer);
    await terminate(this.detachWorker());
  }

  /** The worker, no longer this engine's: the next page starts another. */
  private detachWorker(): Promise<Worker> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    return worker;
  }

  private startedWorker(): Promise<Worker> {
    if (!this.worker) {
      const starting: Promise<Worker> = startWorker().catch((error: unknown) => {
        if (this.worker === starting) this.worker = undefined;
        throw error;
      });
      this.worker = starting;
    }
    return this.worker;
  }

  /** A recognition cannot be cancelled: on abort its worker is ended, and the next page starts another. */
  private abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const abandoned = this.detachWorker();
        // Ended once the page has been posted to it: tesseract.js fails, unhandled, when a job
        // it is still preparing finds its worker gone.
        setImmediate(() => void terminate(abandoned));
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
