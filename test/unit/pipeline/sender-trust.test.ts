import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../../../functions/shared/domain/scans/index.ts';
import type { OcrEngine } from '../../../functions/shared/domain/scans/ocr-engine.ts';
import type { Verdicts } from '../../../functions/shared/domain/types.ts';
import { planReply } from '../../../functions/shared/pipeline/acknowledge-member.ts';
import { triage } from '../../../functions/shared/pipeline/triage.ts';
import { claimRecord, NOW } from '../../support/claim-records.ts';
import { CLAIMS_ADDRESS, composeMail, envelope, PASSING_VERDICTS, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { NO_DMARC_POLICY, sesAuthenticationResults, type SesAuthentication } from '../../support/sender-authentication.ts';

/**
 * One message from John Carter's registered address with a Montreal invoice, decided under each
 * way a stranger could claim to be him: who is identified, what is decided, who gets a reply.
 */

const JOHN = 'john.carter@example.com';
const ORGANISATION = 'example.com';
const NO_POLICY = "the sender's domain publishes no DMARC policy";
const NOT_AUTHENTICATED = (why: string) => `no member number, and the sender is not authenticated: ${why}`;

/** No scan in these messages: OCR is never asked. */
const NO_OCR: OcrEngine = {
  name: 'tesseract',
  recognize: () => Promise.reject(new Error('no scan to read')),
  release: () => Promise.resolve(),
};

const ses = (auth: Partial<SesAuthentication>) =>
  sesAuthenticationResults({ spf: 'fail', envelopeFrom: `bounce@${ORGANISATION}`, dmarc: 'none', fromDomain: ORGANISATION, ...auth });

let invoice: Buffer;
beforeAll(async () => {
  invoice = await readFile(path.resolve('test/fixtures/invoices/invoice-montreal.pdf'));
});

/** The message as SES stores it: SES's trace headers prepended to what the sender wrote. */
async function stored(traceHeaders: readonly string[], subject: string, senderHeaders: Record<string, string> = {}): Promise<Buffer> {
  const written = await composeMail({
    from: `John Carter <${JOHN}>`,
    to: CLAIMS_ADDRESS,
    subject,
    text: 'Hello, my invoice from Montreal.',
    headers: senderHeaders,
    attachments: [{ filename: 'invoice-montreal.pdf', content: invoice, contentType: 'application/pdf' }],
  });
  return Buffer.concat([Buffer.from(traceHeaders.map((header) => `${header}\r\n`).join('')), written]);
}

/** Far more than one message takes: what is tested is who is trusted. */
const CLAIM_TIME_MS = 60_000;

async function decide(raw: Buffer, verdicts: Verdicts) {
  const context = await triage(envelope({ envelopeSender: `bounce@${ORGANISATION}`, verdicts }), raw, new InMemoryMemberDirectory(SAMPLE_MEMBERS), {
    ownAddresses: [CLAIMS_ADDRESS],
    faxLocalPart: 'fax',
    faxGateways: knownFaxGateways([]),
    scans: { engine: NO_OCR, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 1000 },
  }, Deadline.in(CLAIM_TIME_MS));
  const status = context.outcome?.status ?? 'REVIEW';
  const claim = claimRecord({ status, outcome: status, ...(status === 'FORWARDED' ? { forward: { to: 'mai', messageId: '<f@test>', at: NOW.toISOString() } } : {}) });
  return {
    memberId: context.identification?.member?.memberId,
    status,
    firstReasons: context.outcome?.reasons.slice(0, 2),
    reply: planReply(claim, context),
  };
}

const FORWARDED_TO_JOHN = {
  memberId: '20481632',
  status: 'FORWARDED',
  firstReasons: ['identified by the registered sender address', 'treatment location CA, routed to MAI'],
  reply: { kind: 'acknowledged', to: JOHN, language: 'en' },
};

const NOBODY = (why: string) => ({ memberId: undefined, status: 'REVIEW', firstReasons: [NOT_AUTHENTICATED(why)], reply: undefined });

describe('the same message from a member address, without a member number', () => {
  it('is identified, forwarded and acknowledged when DMARC passed', async () => {
    expect(await decide(await stored([ses({ spf: 'pass', dmarc: 'pass' })], 'Claim'), PASSING_VERDICTS)).toEqual(FORWARDED_TO_JOHN);
  });

  it('is nobody, held for a person and answered by no one with SPF PASS and DMARC FAIL', async () => {
    const raw = await stored([ses({ spf: 'pass', envelopeFrom: 'bounce@attacker.example', dmarc: 'fail' })], 'Claim');
    expect(await decide(raw, { ...PASSING_VERDICTS, spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' })).toEqual(NOBODY("DMARC failed for the sender's domain"));
  });

  it("is nobody with a DKIM PASS for another domain (the signer's own)", async () => {
    const raw = await stored([ses({ envelopeFrom: 'bounce@attacker.example', dkim: [{ result: 'pass', identity: '@attacker.example' }] })], 'Claim');
    expect(await decide(raw, { ...NO_DMARC_POLICY, spf: 'FAIL' })).toEqual(NOBODY(`${NO_POLICY}, and no SPF or DKIM pass is aligned with it`));
  });

  it("is identified with DMARC GRAY and an aligned DKIM pass in SES's header", async () => {
    const raw = await stored([ses({ envelopeFrom: 'bounce@esp.example', dkim: [{ result: 'pass', identity: '@mail.example.com' }] })], 'Claim');
    expect(await decide(raw, NO_DMARC_POLICY)).toEqual(FORWARDED_TO_JOHN);
  });

  it("is identified with DMARC GRAY and an aligned SPF pass in SES's header", async () => {
    const raw = await stored([ses({ spf: 'pass', envelopeFrom: 'bounce@mail.example.com' })], 'Claim');
    expect(await decide(raw, NO_DMARC_POLICY)).toEqual(FORWARDED_TO_JOHN);
  });

  it('is nobody with DMARC GRAY and unaligned passes', async () => {
    const raw = await stored([ses({ spf: 'pass', envelopeFrom: 'bounce@esp.example', dkim: [{ result: 'pass', identity: '@esp.example' }] })], 'Claim');
    expect(await decide(raw, NO_DMARC_POLICY)).toEqual(NOBODY(`${NO_POLICY}, and no SPF or DKIM pass is aligned with it`));
  });

  it("is nobody when the aligned pass is in the sender's own Authentication-Results below SES's", async () => {
    const forged = `Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=${ORGANISATION}; dkim=pass header.d=${ORGANISATION}; dmarc=pass header.from=${ORGANISATION}`;
    const raw = await stored([ses({ spf: 'pass', envelopeFrom: 'bounce@esp.example' })], 'Claim', { 'Authentication-Results': forged.replace(/^Authentication-Results: /, '') });
    expect(await decide(raw, NO_DMARC_POLICY)).toEqual(NOBODY(`${NO_POLICY}, and no SPF or DKIM pass is aligned with it`));
  });

  it("is nobody when SES's header is absent and the topmost one is another server's, however aligned the one below it", async () => {
    const theirs = `Authentication-Results: mx.attacker.example; spf=pass smtp.mailfrom=${ORGANISATION}`;
    const raw = await stored([theirs, ses({ spf: 'pass' })], 'Claim');
    expect(await decide(raw, NO_DMARC_POLICY)).toEqual(NOBODY(`${NO_POLICY}, and SES's Authentication-Results is missing or unreadable`));
  });

  it.each(['PROCESSING_FAILED', 'DISABLED'] as const)('is nobody when SES gave no DMARC verdict (%s)', async (dmarc) => {
    expect(await decide(await stored([ses({ spf: 'pass' })], 'Claim'), { ...PASSING_VERDICTS, dmarc })).toEqual(NOBODY(`SES gave no DMARC verdict (${dmarc})`));
  });

  it.each(['reject', 'quarantine'] as const)('is quarantined, and answered by no one, with DMARC FAIL for a domain whose policy is %s', async (dmarcPolicy) => {
    const raw = await stored([ses({ spf: 'pass', envelopeFrom: 'bounce@attacker.example', dmarc: 'fail' })], 'Claim');
    expect(await decide(raw, { ...PASSING_VERDICTS, dmarc: 'FAIL', dmarcPolicy })).toEqual({
      memberId: undefined,
      status: 'QUARANTINED',
      firstReasons: [`DMARC verdict FAIL, and the sender's domain asks to ${dmarcPolicy} such mail`],
      reply: undefined,
    });
  });
});

describe('the same message with the member number in its subject', () => {
  it('is forwarded and acknowledged when DMARC passed', async () => {
    expect(await decide(await stored([ses({ spf: 'pass', dmarc: 'pass' })], 'Claim - Member ID: 20481632'), PASSING_VERDICTS)).toEqual({
      ...FORWARDED_TO_JOHN,
      firstReasons: ['member number found in subject', 'treatment location CA, routed to MAI'],
    });
  });

  it.each([
    ['SPF PASS and DMARC FAIL', { ...PASSING_VERDICTS, spf: 'PASS', dmarc: 'FAIL' } as Verdicts, ses({ spf: 'pass', envelopeFrom: 'x@attacker.example', dmarc: 'fail' }), "DMARC failed for the sender's domain"],
    ['DMARC GRAY and unaligned passes', NO_DMARC_POLICY, ses({ spf: 'pass', envelopeFrom: 'x@attacker.example' }), `${NO_POLICY}, and no SPF or DKIM pass is aligned with it`],
  ])('goes to a person, with the review notice at the registered address only, from an unauthenticated sender (%s)', async (_case, verdicts, header, why) => {
    expect(await decide(await stored([header], 'Claim - Member ID: 20481632'), verdicts)).toEqual({
      memberId: '20481632',
      status: 'REVIEW',
      firstReasons: ['member number found in subject', `the sender is not authenticated (${why}): a member number alone does not forward a claim`],
      reply: { kind: 'review', to: JOHN, language: 'en' },
    });
  });
});
