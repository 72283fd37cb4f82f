import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Modules imported before the command, after tsx. */
  readonly preloads?: readonly string[];
  /** More environment variables. */
  readonly env?: Record<string, string>;
}

/** Runs bin/claims-intake.ts as a user would, from the project root; a non-zero exit is a result, not an error. */
export async function runClaimsIntake(options: RunOptions, ...args: string[]): Promise<CommandResult> {
  try {
    const imports = ['tsx', ...(options.preloads ?? [])].flatMap((module) => ['--import', module]);
    const { stdout, stderr } = await run(process.execPath, [...imports, 'bin/claims-intake.ts', ...args], {
      env: { ...process.env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { exitCode: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
