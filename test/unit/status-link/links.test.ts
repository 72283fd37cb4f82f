import { describe, expect, it } from 'vitest';
import { referenceFromPath, StatusLinkIssuer, StatusLinkVerifier } from '../../../functions/shared/domain/status-link/index.ts';
import { CURRENT_KEY, FixedSigningKeys, OTHER_KEY, PREVIOUS_KEY } from '../../support/signing-keys.ts';

const REFERENCE = 'CLM-2026-7K3F9Q';
const SENT_AT = new Date('2026-03-15T13:30:00.000Z');
const PAGE_ORIGIN = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';
const TOKEN = '1805117400.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI';
const SIGNED_WITH_PREVIOUS = '1805117400.vA4Mg2GFCmOd_qt-7Fj3OeVWMdCD_mSkRb9blYT4o1Y';
const NOW = new Date('2026-04-01T08:00:00.000Z');

describe('StatusLinkIssuer', () => {
  it("links to the claim's page with a token signed with the current key, valid the given days from when it is sent", async () => {
    const issuer = new StatusLinkIssuer(PAGE_ORIGIN, new FixedSigningKeys({ current: CURRENT_KEY, previous: PREVIOUS_KEY }), 365);

    expect(await issuer.linkFor(REFERENCE, SENT_AT)).toBe(`${PAGE_ORIGIN}claims/${REFERENCE}?t=${TOKEN}`);
  });

  it('makes links that work as many days as configured, from the origin however it is written', async () => {
    const issuer = new StatusLinkIssuer('http://127.0.0.1:8080', new FixedSigningKeys({ current: CURRENT_KEY }), 30);

    expect(await issuer.linkFor(REFERENCE, SENT_AT)).toBe(`http://127.0.0.1:8080/claims/${REFERENCE}?t=1776173400.aORiBdmlsAQb7_IRND7Lr_MyRgdLRlWsRDmExy1j7QM`);
  });
});

describe('StatusLinkVerifier', () => {
  it('verifies with the keys held, without reloading them', async () => {
    const keys = new FixedSigningKeys({ current: CURRENT_KEY, previous: PREVIOUS_KEY });
    const verifier = new StatusLinkVerifier(keys);

    expect(await verifier.verify(REFERENCE, TOKEN, NOW)).toBe('valid');
    expect(await verifier.verify(REFERENCE, SIGNED_WITH_PREVIOUS, NOW)).toBe('valid');
    expect(await verifier.verify(REFERENCE, TOKEN, new Date('2027-03-15T13:30:00.000Z'))).toBe('expired');
    expect(await verifier.verify(REFERENCE, 'not-a-token', NOW)).toBe('malformed');
    expect(keys.reloads).toBe(0);
  });

  it('reloads the keys once for a token none of them signed: a rotation may have happened since they were loaded', async () => {
    const keys = new FixedSigningKeys({ current: PREVIOUS_KEY }, { current: CURRENT_KEY, previous: PREVIOUS_KEY });
    const verifier = new StatusLinkVerifier(keys);

    expect(await verifier.verify(REFERENCE, TOKEN, NOW)).toBe('valid');
    expect(keys.reloads).toBe(1);
  });

  it('calls a token forged when the reload brings no key that signed it, or no reload is allowed yet', async () => {
    const keys = new FixedSigningKeys({ current: OTHER_KEY }, { current: OTHER_KEY });
    const verifier = new StatusLinkVerifier(keys);

    expect(await verifier.verify(REFERENCE, TOKEN, NOW)).toBe('forged');
    expect(await verifier.verify(REFERENCE, TOKEN, NOW)).toBe('forged');
    expect(keys.reloads).toBe(2);
  });
});

describe('referenceFromPath', () => {
  it('reads the reference of a status page path', () => {
    expect(referenceFromPath(`/claims/${REFERENCE}`)).toBe(REFERENCE);
  });

  it.each(['/', '/claims', '/claims/', `/claims/${REFERENCE}/`, `/claims/${REFERENCE}/documents`, `/CLAIMS/${REFERENCE}`, '/claims/CLM-2026-7k3f9q', '/claims/CLM-2026-0O1IL0', `/x/claims/${REFERENCE}`, '/claims/..%2Fadmin'])(
    'finds no reference in %s',
    (path) => {
      expect(referenceFromPath(path)).toBeUndefined();
    },
  );
});
