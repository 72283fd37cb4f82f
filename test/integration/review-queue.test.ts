import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';

const run = promisify(execFile);

let harness: IntakeHarness;
const claims: Record<string, ClaimRecord> = {};

beforeAll(async () => {
  harness = await startIntakeHarness();
  for (const sample of ['mixed-us-fr.eml', 'en-boston-bill.eml', 'no-location.eml']) {
    const { event, sesMessageId } = await harness.receive(await fixture(`claims/${sample}`));
    await harness.handler(event);
    const claim = await harness.claims.findByMessageId(sesMessageId);
    if (!claim) throw new Error(`no claim for ${sample}`);
    claims[sample] = claim;
  }
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

async function claimsIntake(...args: string[]) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bin/claims-intake.ts', ...args], {
    env: { ...process.env, ...harness.aws.env },
  });
  return stdout.trim().split('\n');
}

describe('the review queue', () => {
  it('lists the claims waiting for a person, oldest first, with why', async () => {
    const mixed = claims['mixed-us-fr.eml']!;
    const noLocation = claims['no-location.eml']!;

    expect(await harness.claims.listByStatus('REVIEW', 10)).toEqual([mixed, noLocation]);

    const lines = await claimsIntake('review', 'list', '--table', harness.aws.resources.claimsTable);
    expect(lines.map((line) => line.split('  ')[0])).toEqual([mixed.reference, noLocation.reference]);
    expect(lines[0]).toContain('12345678');
    expect(lines[0]).toContain('conflicting evidence: itemized-bill-boston.pdf points to US, note-honoraires-paris.pdf points to FR');
    expect(lines[1]).toContain('no evidence of where the treatment took place');
  }, 60_000);

  it('lists another status on request', async () => {
    const lines = await claimsIntake('review', 'list', '--table', harness.aws.resources.claimsTable, '--status', 'forwarded', '--limit', '5');
    expect(lines.map((line) => line.split('  ')[0])).toEqual([claims['en-boston-bill.eml']!.reference]);
  }, 60_000);
});
