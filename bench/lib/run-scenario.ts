import { spawn } from 'node:child_process';
import { PROJECT_ROOT, QUIET_SDK_ENVIRONMENT } from './project-root.ts';
import { resultIn } from './scenario-output.ts';

/** The longest scenarios (the 40 MB message, end to end with 600 claims) take two or three minutes; past this one is stuck. */
const SCENARIO_TIMEOUT_MS = 8 * 60_000;

export interface ScenarioRun {
  /** Path from the project root. */
  readonly script: string;
  readonly args?: readonly string[];
  /** Node options before the script, e.g. --expose-gc. */
  readonly nodeOptions?: readonly string[];
  /** Key of the scenario's JSON result line. */
  readonly resultKey: string;
  /** Variables added to the process's environment, read when it starts. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * Runs a scenario in a fresh Node process so that its memory and its module loading are its own,
 * and returns its result. Its stderr is shown as it runs; stdout lines that are not the result
 * (library logs) are shown too.
 */
export function runScenario(run: ScenarioRun): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(run.nodeOptions ?? []), '--import', 'tsx', run.script, ...(run.args ?? [])], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...QUIET_SDK_ENVIRONMENT, ...run.environment },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let result: unknown;
    let pending = '';
    const readLines = (text: string) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const found = resultIn(line, run.resultKey);
        if (found !== undefined) result = found;
        else if (line !== '') process.stderr.write(`${line}\n`);
      }
    };
    const timer = setTimeout(() => child.kill('SIGKILL'), SCENARIO_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', readLines);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      readLines('\n');
      if (code !== 0) reject(new Error(`${run.script} ${(run.args ?? []).join(' ')} ended with ${signal ?? `exit code ${code}`}`));
      else if (result === undefined) reject(new Error(`${run.script} printed no "${run.resultKey}" result`));
      else resolve(result);
    });
  });
}
