import { Deadline, DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';
import type { Check, Finding } from './check.ts';

/** What one check found, under its name. */
export interface CheckResult extends Finding {
  readonly name: string;
}

/**
 * Runs every check at once, each within `timeoutMs`: a check that throws or runs out of time
 * fails with the error's name, and the others still run.
 */
export async function runChecks(checks: readonly Check[], timeoutMs: number): Promise<CheckResult[]> {
  return Promise.all(checks.map((check) => runOne(check, timeoutMs)));
}

async function runOne(check: Check, timeoutMs: number): Promise<CheckResult> {
  const signal = Deadline.in(timeoutMs).signal();
  const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DeadlineExceededError(check.name)), { once: true }));
  try {
    return { name: check.name, ...(await Promise.race([check.run(signal), timedOut])) };
  } catch (error) {
    const name = signal.aborted ? 'DeadlineExceededError' : errorName(error);
    return {
      name: check.name,
      ok: false,
      detail: `could not check (${name})`,
      fix: check.fixWhenUnchecked,
    };
  }
}

/** AWS errors name themselves; Node's system errors (DNS) say what happened in their code. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'Error';
  return error.name === 'Error' && 'code' in error && typeof error.code === 'string' ? error.code : error.name;
}

/** One line per check, then the verdict. */
export function formatResults(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = results.map((result) => {
    const head = `${result.ok ? '✓' : '✗'} ${result.name.padEnd(width)}  ${result.detail}`;
    return result.fix ? `${head}\n  ${' '.repeat(width)}  fix: ${result.fix}` : head;
  });
  const failures = results.filter((result) => !result.ok).length;
  const verdict = failures === 0 ? `all ${results.length} checks passed` : `${failures} of ${results.length} checks failed`;
  return [...lines, verdict].join('\n');
}
