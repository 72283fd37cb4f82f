import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useIntakeHarness } from '../support/use-intake-harness.ts';
import { composeMail, sha256 } from '../support/contexts.ts';

const FAX = 'fax@claims.example.org';
const scanClaim = (name: string) => readFile(path.resolve('test', 'fixtures', 'scan-claims', name));
const scan = (name: string) => readFile(path.resolve('test', 'fixtures', 'scans', name));

// The handler's one OCR worker ends by itself once idle (TesseractEngine), or with this test process.
const harness = useIntakeHarness();

async function deliver(raw: Buffer, recipients: readonly string[]) {
  const { event, sesMessageId } = await harness().receive(raw, { recipients });
  expect(await harness().handler(event)).toEqual({ batchItemFailures: [] });
  const claim = await harness().claims.findByMessageId(sesMessageId);
  const outbox = await harness().aws.outbox.list();
  return { claim: claim ?? expect.unreachable('no claim recorded'), outbox };
}

const attachmentsOf = (email: { attachments: readonly { filename?: string; contentType: string; content: string }[] }) =>
  email.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, sha256: sha256(Buffer.from(content, 'base64')) }));

describe('intake handler with scans, against the emulators', { timeout: 120_000 }, () => {
  it('forwards a standard-resolution fax to Cigna with the TIFF and a PDF of it, and acknowledges the member at his registered address', async () => {
    const tiff = await scan('fax-boston-standard-g4.tif');
    const { claim, outbox } = await deliver(await scanClaim('fax-efax-standard.eml'), [FAX]);

    expect(claim).toMatchObject({ status: 'FORWARDED', channel: 'fax', fax: { gateway: 'eFax', pages: 2 }, memberId: '20481632', route: 'CIGNA_US', treatmentCountry: 'US' });
    expect(claim.documents).toEqual([
      expect.objectContaining({ filename: 'FAX_20250318_1742321151_12.tif', type: 'tiff', textRead: true, sha256: sha256(tiff), ocr: expect.objectContaining({ engine: 'tesseract', pages: 2 }) }),
    ]);
    const [forward, acknowledgement, ...others] = outbox;
    expect(others).toEqual([]);
    expect(forward?.destination.to.map((address) => address.toLowerCase())).toEqual(['ice.team@cigna.com']);
    expect(attachmentsOf(forward ?? expect.unreachable())).toEqual([
      { filename: 'FAX_20250318_1742321151_12.tif', contentType: 'image/tiff', sha256: sha256(tiff) },
      { filename: 'FAX_20250318_1742321151_12.pdf', contentType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { filename: `claim-${claim.reference}.fhir.json`, contentType: 'application/fhir+json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(forward?.body.text).toContain('Fax pages: 2');
    expect(acknowledgement?.destination.to).toEqual(['john.carter@example.com']);
  });

  it('finds the member of a fax by its caller number and acknowledges him at his registered address', async () => {
    const { claim, outbox } = await deliver(await scanClaim('fax-hylafax-caller.eml'), [FAX]);

    expect(claim).toMatchObject({
      status: 'FORWARDED',
      fax: { gateway: 'HylaFAX', callerNumber: '+212522264800', remoteStationId: 'CLINIQUE ANFA', pages: 1 },
      memberId: '30571902',
      route: 'MAI',
      treatmentCountry: 'MA',
    });
    expect(outbox.map((email) => email.destination.to)).toEqual([['contact@medical-administrators.com'], ['jp.lefevre@example.fr']]);
    expect(outbox[0]?.body.text).toContain('Fax caller number: +212522264800');
  });

  it.each([
    ['scanned-pdf.eml', { memberId: '12345678', route: 'MAI', treatmentCountry: 'FR' }, 'marie.dupont@example.fr'],
    ['phone-photo.eml', { memberId: 'CFE-004512', route: 'MAI', treatmentCountry: 'CA' }, 'lucie.bernard@example.org'],
  ])('reads %s sent from an unregistered address and acknowledges the member at the registered one', async (name, expected, registered) => {
    const { claim, outbox } = await deliver(await scanClaim(name), ['claims@claims.example.org']);

    expect(claim).toMatchObject({ status: 'FORWARDED', channel: 'email', ...expected });
    expect(outbox.map((email) => email.destination.to[0])).toEqual(['contact@medical-administrators.com', registered]);
  });

  it('records a fax whose TIFF is damaged for review, with the reason, and forwards nothing', async () => {
    const raw = await composeMail({
      from: 'eFax <message@inbound.efax.com>',
      to: FAX,
      subject: 'eFax message from "unknown" - 1 page(s), Caller-ID: UNAVAILABLE',
      text: 'You have received a 1 page fax. Member ID: 20481632',
      attachments: [{ filename: 'FAX_20250321_0001.tif', content: await readFile(path.resolve('test', 'fixtures', 'third-party', 'fax', 'libtiff-g3-premature-eol-malformed.tif')), contentType: 'image/tiff' }],
    });
    const { claim, outbox } = await deliver(raw, [FAX]);

    expect(claim).toMatchObject({ status: 'REVIEW', outcome: 'REVIEW', memberId: '20481632', channel: 'fax' });
    expect(claim.reasons).toContain('FAX_20250321_0001.tif is damaged: damaged TIFF: page 1 cannot be decoded');
    expect(claim.documents).toEqual([expect.objectContaining({ filename: 'FAX_20250321_0001.tif', textRead: false, damaged: true, notReadReason: 'damaged TIFF: page 1 cannot be decoded' })]);
    expect(outbox.map((email) => email.destination.to)).toEqual([['john.carter@example.com']]);
  });
});
