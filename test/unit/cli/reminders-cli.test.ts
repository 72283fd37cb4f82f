import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimsIntakeProgram } from '../../../bin/cli/claims-intake-program.ts';
import { runProgram } from '../../../bin/cli/program.ts';
import { remindersRunLines } from '../../../bin/cli/reminders-cli.ts';

/** What `claims-intake <args>` prints on stdout and stderr, and its exit code. */
async function call(args: readonly string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const printed = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed[stream] += String(chunk);
      return true;
    });
  }
  const exitCode = await runProgram(claimsIntakeProgram(), args);
  vi.restoreAllMocks();
  return { exitCode, ...printed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('claims-intake reminders run', () => {
  it('says what it runs and how to see a later day', async () => {
    const { exitCode, stdout } = await call(['reminders', 'run', '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Usage: claims-intake reminders run [options]');
    expect(stdout).toContain('  --at <date-time> ');
    expect(stdout).toContain('$ claims-intake reminders run --local --at 2026-12-15T08:00:00Z');
  });

  it('runs on the local stack only, and refuses a time it cannot read', async () => {
    expect(await call(['reminders', 'run'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: reminders run works on the local stack (--local): the deployed stack runs its Reminders function every day\n',
    });
    expect((await call(['reminders', 'run', '--local', '--at', 'next week'])).stderr).toBe(
      'claims-intake: bad --at "next week": expected a date and time such as 2026-12-15T08:00:00Z\n',
    );
  });

  it('prints a line per claim reminded or sent to review', () => {
    expect(remindersRunLines({ reminded: ['CLM-2026-7K3F9Q'], reviewed: ['CLM-2026-8A2YF7'] })).toEqual(['CLM-2026-7K3F9Q  reminded', 'CLM-2026-8A2YF7  sent to review']);
    expect(remindersRunLines({ reminded: [], reviewed: [] })).toEqual(['No claim was due a reminder or review.']);
  });
});
