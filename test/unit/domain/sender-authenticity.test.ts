import { describe, expect, it } from 'vitest';
import { organisationalDomain, senderAuthenticity, type SenderEvidence } from '../../../functions/shared/domain/sender-authenticity.ts';
import type { Verdicts } from '../../../functions/shared/domain/types.ts';
import { PASSING_VERDICTS } from '../../support/contexts.ts';
import { NO_DMARC_POLICY, sesAuthenticationResults, type SesAuthentication } from '../../support/sender-authentication.ts';

const FROM = 'john.carter@example.com';
const NO_POLICY = "the sender's domain publishes no DMARC policy";

/** The value SES's header carries (its name cut off, as the pipeline reads it). */
const ses = (auth: Partial<SesAuthentication> = {}) =>
  sesAuthenticationResults({ spf: 'pass', envelopeFrom: 'bounce@example.com', dmarc: 'none', fromDomain: 'example.com', ...auth }).replace(/^Authentication-Results:/, '');

const judge = (verdicts: Verdicts, authenticationResults: readonly string[] = [], fromAddress = FROM) =>
  senderAuthenticity({ fromAddress, verdicts, authenticationResults } satisfies SenderEvidence);

describe('senderAuthenticity from the DMARC verdict', () => {
  it("trusts SES's DMARC PASS", async () => {
    expect(await judge(PASSING_VERDICTS)).toEqual({ authentic: true, reason: "DMARC authenticated the sender's domain" });
  });

  it('does not trust SPF PASS with DMARC FAIL: SPF covers the envelope sender, not From', async () => {
    expect(await judge({ ...PASSING_VERDICTS, spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' }, [ses({ envelopeFrom: 'x@attacker.example' })])).toEqual({
      authentic: false,
      reason: "DMARC failed for the sender's domain",
    });
  });

  it.each(['PROCESSING_FAILED', 'DISABLED'] as const)('does not trust a sender without a DMARC verdict (%s), whatever SPF and DKIM say', async (dmarc) => {
    expect(await judge({ ...PASSING_VERDICTS, dmarc }, [ses()])).toEqual({ authentic: false, reason: `SES gave no DMARC verdict (${dmarc})` });
  });

  it.each(['', 'not an address', 'someone@', 'someone@localhost', 'someone@192.0.2.1', 'someone@exa mple.com'])(
    'trusts no sender without a usable address (%j), even with DMARC PASS',
    async (fromAddress) => {
      expect(await judge(PASSING_VERDICTS, [], fromAddress)).toEqual({ authentic: false, reason: 'no usable sender address' });
    },
  );
});

describe('senderAuthenticity of a domain with no DMARC policy (GRAY)', () => {
  it.each([
    ['SPF for the From domain itself', ses({ envelopeFrom: 'bounce@example.com' })],
    ['SPF for a subdomain of it', ses({ envelopeFrom: 'bounce@mail.example.com' })],
    ['SPF for a bare domain', ses({ envelopeFrom: 'mail.example.com' })],
  ])('trusts an aligned pass: %s', async (_case, header) => {
    expect(await judge(NO_DMARC_POLICY, [header])).toEqual({ authentic: true, reason: `${NO_POLICY}; SPF passed for a domain aligned with it` });
  });

  it('trusts a passing DKIM signature of the organisational domain when SPF is for another', async () => {
    const header = ses({ envelopeFrom: 'bounce@esp.example', dkim: [{ result: 'pass', identity: '@esp.example' }, { result: 'pass', identity: '@news.example.com' }] });
    expect(await judge(NO_DMARC_POLICY, [header], 'john.carter@example.com')).toEqual({
      authentic: true,
      reason: `${NO_POLICY}; a DKIM signature of a domain aligned with it passed`,
    });
  });

  it("takes header.d before header.i, and a From subdomain's organisational domain", async () => {
    const header = ' amazonses.com; spf=fail smtp.mailfrom=other.example; dkim=pass header.d=example.co.uk header.i=@other.example';
    expect(await judge(NO_DMARC_POLICY, [header], 'jane@mail.example.co.uk')).toEqual({
      authentic: true,
      reason: `${NO_POLICY}; a DKIM signature of a domain aligned with it passed`,
    });
  });

  it.each([
    ['SPF and DKIM passes for another domain', ses({ envelopeFrom: 'bounce@attacker.example', dkim: [{ result: 'pass', identity: '@attacker.example' }] })],
    ['a domain that only ends like it', ses({ envelopeFrom: 'bounce@notexample.com', dkim: [{ result: 'pass', identity: '@notexample.com' }] })],
    ['an aligned SPF that did not pass', ses({ spf: 'softfail', envelopeFrom: 'bounce@example.com' })],
    ['an aligned DKIM signature that failed', ses({ spf: 'fail', envelopeFrom: 'x@attacker.example', dkim: [{ result: 'fail', identity: '@example.com' }] })],
    ['a pass for the public suffix alone', ' amazonses.com; spf=pass smtp.mailfrom=com; dkim=pass header.d=com'],
    ['SPF naming two different mail-from domains', ' amazonses.com; spf=pass smtp.mailfrom=example.com envelope-from=bounce@attacker.example'],
    ['two SPF results', ' amazonses.com; spf=pass smtp.mailfrom=example.com; spf=fail smtp.mailfrom=example.com'],
  ])('does not trust %s', async (_case, header) => {
    expect(await judge(NO_DMARC_POLICY, [header])).toEqual({ authentic: false, reason: `${NO_POLICY}, and no SPF or DKIM pass is aligned with it` });
  });

  it('does not take one customer of a shared host for another (private public suffixes)', async () => {
    expect(await organisationalDomain('clinic.herokuapp.com')).toBe('clinic.herokuapp.com');
    expect(await organisationalDomain('mail.example.co.uk')).toBe('example.co.uk');
    const header = ' amazonses.com; spf=pass smtp.mailfrom=attacker.herokuapp.com; dkim=pass header.d=attacker.herokuapp.com';
    expect((await judge(NO_DMARC_POLICY, [header], 'billing@clinic.herokuapp.com')).authentic).toBe(false);
  });

  it("counts only the topmost header: a sender's own aligned one below SES's unaligned one proves nothing", async () => {
    const forged = ' amazonses.com; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com';
    expect(await judge(NO_DMARC_POLICY, [ses({ envelopeFrom: 'bounce@attacker.example' }), forged])).toEqual({
      authentic: false,
      reason: `${NO_POLICY}, and no SPF or DKIM pass is aligned with it`,
    });
  });

  it.each([
    ['no Authentication-Results at all', []],
    ['a topmost one another server wrote, above one claiming to be SES', [' mx.attacker.example; spf=pass smtp.mailfrom=example.com', ses()]],
    ['an unreadable topmost one', [' amazonses.com; spf=pass (unclosed smtp.mailfrom=example.com', ses()]],
  ])('does not trust a sender when SES wrote no readable topmost header: %s', async (_case, headers) => {
    expect(await judge(NO_DMARC_POLICY, headers)).toEqual({ authentic: false, reason: `${NO_POLICY}, and SES's Authentication-Results is missing or unreadable` });
  });

  it('reads an internationalised From domain in its ASCII form', async () => {
    const header = ' amazonses.com; spf=pass smtp.mailfrom=bounce@xn--clinique-dsa.example.fr';
    expect((await judge(NO_DMARC_POLICY, [header], 'accueil@cliniqué.example.fr')).authentic).toBe(false);
    expect(await judge(NO_DMARC_POLICY, [' amazonses.com; spf=pass smtp.mailfrom=bounce@xn--cliniqu-hya.example.fr'], 'accueil@cliniqué.example.fr')).toEqual({
      authentic: true,
      reason: `${NO_POLICY}; SPF passed for a domain aligned with it`,
    });
  });
});
