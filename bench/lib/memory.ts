/**
 * How often the V8 heap is sampled while a claim is processed. Node keeps no heap peak; the
 * pipeline awaits often enough (streams, pdf.js, the mailer) for a timer this short to catch it.
 */
const HEAP_SAMPLE_INTERVAL_MS = 2;

/** The highest V8 heap use seen between start() and stop(). */
export class HeapPeak {
  private peakBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.sample(), HEAP_SAMPLE_INTERVAL_MS);
  }

  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().heapUsed);
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }
}

/** The process's highest resident set so far; the kernel keeps it. */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

/** Full collections between runs, so one run's garbage is not counted in the next one's peak. */
export function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc');
  globalThis.gc();
}
