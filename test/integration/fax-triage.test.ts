import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TriageReport } from '../../functions/shared/pipeline/triage-report.ts';

const run = promisify(execFile);

/** Each run starts Node, compiles the command, starts an OCR worker and reads a page or two. */
const COMMAND_TIMEOUT_MS = 120_000;

async function triage(claim: string): Promise<TriageReport> {
  const { stdout } = await run('npx', ['claims-intake', 'triage', `test/fixtures/scan-claims/${claim}`, '--members', 'test/fixtures/members.csv', '--json']);
  return JSON.parse(stdout) as TriageReport;
}

const summary = ({ channel, fax, memberId, treatmentCountry, route, status }: TriageReport) => ({ channel, fax, memberId, treatmentCountry, route, status });

describe('claims-intake triage of claims only OCR can read', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('reads the member number and the Paris address on a scanned PDF sent from an unregistered address', async () => {
    const report = await triage('scanned-pdf.eml');
    expect(summary(report)).toEqual({ channel: 'email', fax: undefined, memberId: '12345678', treatmentCountry: 'FR', route: 'MAI', status: 'FORWARDED' });
    expect(report.reasons[0]).toBe('member number found in Scan 15-03-2025.pdf');
    expect(report.documents.map(({ name, type, textRead, ocr }) => ({ name, type, textRead, pages: ocr?.pages }))).toEqual([
      { name: 'Scan 15-03-2025.pdf', type: 'pdf', textRead: true, pages: 1 },
    ]);
  });

  it('reads a two-page standard-resolution G4 fax from eFax', async () => {
    const report = await triage('fax-efax-standard.eml');
    expect(summary(report)).toEqual({
      channel: 'fax',
      fax: { gateway: 'eFax', pages: 2 },
      memberId: '20481632',
      treatmentCountry: 'US',
      route: 'CIGNA_US',
      status: 'FORWARDED',
    });
    expect(report.reasons).toContain('FAX_20250318_1742321151_12.tif: US state and ZIP code MA 02115 (US)');
  });

  it('reads a phone photo held sideways', async () => {
    const report = await triage('phone-photo.eml');
    expect(summary(report)).toEqual({ channel: 'email', fax: undefined, memberId: 'CFE-004512', treatmentCountry: 'CA', route: 'MAI', status: 'FORWARDED' });
    expect(report.reasons).toContain('IMG_4821.jpg: place name Montréal (CA)');
  });

  it('finds the member of a HylaFAX fax by its caller number, and the country on the page', async () => {
    const report = await triage('fax-hylafax-caller.eml');
    expect(summary(report)).toEqual({
      channel: 'fax',
      fax: { gateway: 'HylaFAX', callerNumber: '+212522264800', remoteStationId: 'CLINIQUE ANFA', pages: 1 },
      memberId: '30571902',
      treatmentCountry: 'MA',
      route: 'MAI',
      status: 'FORWARDED',
    });
    expect(report.reasons[0]).toBe('identified by the registered fax number the fax came from');
  });
});
