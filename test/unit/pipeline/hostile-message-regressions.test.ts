import { validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../../../functions/shared/domain/scans/index.ts';
import { triage } from '../../../functions/shared/pipeline/triage.ts';
import { envelope, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { BLANK_OCR, intakeInMemory } from '../../support/in-memory-intake.ts';

/** Far more than any of these messages takes: what is tested is the decision. */
const CLAIM_TIME_MS = 60_000;

/** Minimal messages the property tests of test/property found the intake failing on, one per cause. */
const triageOf = (raw: string) =>
  triage(envelope(), Buffer.from(raw, 'latin1'), new InMemoryMemberDirectory(SAMPLE_MEMBERS), {
    ownAddresses: ['claims@claims.example.org'],
    faxLocalPart: 'fax',
    faxGateways: knownFaxGateways([]),
    scans: { engine: BLANK_OCR, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 1_000 },
  }, Deadline.in(CLAIM_TIME_MS));

describe('parts that break the rules of MIME', () => {
  it('holds for review a file whose part has an empty Content-Type, which mailparser gives as no type at all', async () => {
    const context = await triageOf(
      'From: marie.dupont@example.fr\r\nSubject: 12345678\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n' +
        '--b\r\nContent-Type:\r\nContent-Disposition: attachment; filename=invoice.pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n',
    );
    expect(context.documents?.map(({ filename, declaredContentType, irregular }) => ({ filename, declaredContentType, irregular }))).toEqual([
      { filename: 'invoice.pdf', declaredContentType: 'application/octet-stream', irregular: 'sent without a valid content type' },
    ]);
    expect(context.outcome?.reasons.at(-1)).toBe('invoice.pdf was sent without a valid content type');
  });

  it('keeps a control character of a declared Content-Type out of the type a document is stored under', async () => {
    const context = await triageOf(
      'To: claims@claims.example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\u0001\r\nContent-Disposition: attachment; filename="\r\nBcc: victim@example.net"\r\n\r\n\r\n',
    );
    const [document] = context.documents ?? [];
    expect(document?.declaredContentType).toBe('application/octet-stream');
    expect(() => validateHeaderValue('content-type', document?.declaredContentType ?? '')).not.toThrow();
    expect(context.outcome?.status).toBe('REVIEW');
  });
});

describe('senders that cannot be written to', () => {
  it('answers no sender at an address holding a control character, which no header may carry, and holds the message for a person', async () => {
    const { claim, mailer } = await intakeInMemory(Buffer.from('From: <\u007fanna@example.com>\r\nTo: claims@claims.example.org\r\n\r\nHi\r\n', 'latin1'));
    expect(claim.outcome).toBe('REVIEW');
    expect(claim.reasons).toEqual(['no member number and no usable sender address']);
    expect(mailer.sent).toEqual([]);
  });
});
