import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signStatusToken, verifyStatusToken } from '../../../functions/shared/domain/status-link/index.ts';
import { CURRENT_KEY, OTHER_KEY, PREVIOUS_KEY } from '../../support/signing-keys.ts';

const REFERENCE = 'CLM-2026-7K3F9Q';
const EXPIRES_AT = new Date('2027-03-15T13:30:00.000Z');
/** 1805117400 is EXPIRES_AT in seconds; the signature is the HMAC-SHA256 of the purpose, reference and expiry. */
const TOKEN = '1805117400.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI';
const SIGNED_WITH_PREVIOUS = '1805117400.vA4Mg2GFCmOd_qt-7Fj3OeVWMdCD_mSkRb9blYT4o1Y';
const BEFORE_EXPIRY = new Date('2027-03-15T13:29:59.999Z');

describe('signStatusToken', () => {
  it('signs the reference and the expiry in seconds with HMAC-SHA256, in base64url', () => {
    expect(signStatusToken(REFERENCE, EXPIRES_AT, CURRENT_KEY)).toBe(TOKEN);
    const expected = createHmac('sha256', CURRENT_KEY).update(`claims-intake claim status link\n${REFERENCE}\n1805117400`).digest('base64url');
    expect(TOKEN).toBe(`1805117400.${expected}`);
  });

  it('drops the milliseconds of the expiry', () => {
    expect(signStatusToken(REFERENCE, new Date('2027-03-15T13:30:00.999Z'), CURRENT_KEY)).toBe(TOKEN);
  });

  it('signs each reference, expiry and key differently', () => {
    expect(signStatusToken('CLM-2026-2B8D4M', EXPIRES_AT, CURRENT_KEY)).toBe('1805117400.4pFWhWdR_n4sJy62UxSdJ4bkbbS2P4X9P8WbnBbHDuU');
    expect(signStatusToken(REFERENCE, new Date('2027-03-15T13:30:01.000Z'), CURRENT_KEY)).toBe(
      '1805117401.6IJBWy8RARm1pKRsy1WZTXoZtKv_QiB9MFoEvbESSmE',
    );
    expect(signStatusToken(REFERENCE, EXPIRES_AT, PREVIOUS_KEY)).toBe(SIGNED_WITH_PREVIOUS);
  });
});

describe('verifyStatusToken', () => {
  const keys = { current: CURRENT_KEY, previous: PREVIOUS_KEY };

  it('accepts a token signed with the current key until it expires', () => {
    expect(verifyStatusToken(REFERENCE, TOKEN, keys, BEFORE_EXPIRY)).toBe('valid');
    expect(verifyStatusToken(REFERENCE, TOKEN, { current: CURRENT_KEY }, BEFORE_EXPIRY)).toBe('valid');
  });

  it('accepts a token signed with the previous key: links sent before a rotation keep working', () => {
    expect(verifyStatusToken(REFERENCE, SIGNED_WITH_PREVIOUS, keys, BEFORE_EXPIRY)).toBe('valid');
  });

  it('refuses a token signed with a key older than the previous one, or with none of ours', () => {
    expect(verifyStatusToken(REFERENCE, SIGNED_WITH_PREVIOUS, { current: OTHER_KEY, previous: CURRENT_KEY }, BEFORE_EXPIRY)).toBe('forged');
    expect(verifyStatusToken(REFERENCE, TOKEN, { current: OTHER_KEY }, BEFORE_EXPIRY)).toBe('forged');
  });

  it('reports an authentic token as expired from its expiry on', () => {
    expect(verifyStatusToken(REFERENCE, TOKEN, keys, EXPIRES_AT)).toBe('expired');
    expect(verifyStatusToken(REFERENCE, TOKEN, keys, new Date('2030-01-01T00:00:00Z'))).toBe('expired');
  });

  it.each([
    ['another reference', 'CLM-2026-2B8D4M', TOKEN],
    ['a later expiry', REFERENCE, TOKEN.replace('1805117400', '1905117400')],
    ['an earlier expiry', REFERENCE, TOKEN.replace('1805117400', '1705117400')],
    ['a changed signature', REFERENCE, TOKEN.replace('ynJP', 'ynJQ')],
    ['a signature of other trailing bits', REFERENCE, TOKEN.replace(/I$/, 'J')],
  ])('refuses a token for %s as forged', (_, reference, token) => {
    expect(verifyStatusToken(reference, token, keys, BEFORE_EXPIRY)).toBe('forged');
  });

  it('reports a forged expired token as forged, not expired', () => {
    expect(verifyStatusToken(REFERENCE, TOKEN.replace('ynJP', 'ynJQ'), keys, new Date('2030-01-01T00:00:00Z'))).toBe('forged');
  });

  it.each([
    ['empty', ''],
    ['without an expiry', '.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI'],
    ['without a signature', '1805117400.'],
    ['with padding', `${TOKEN}=`],
    ['in standard base64', TOKEN.replace('ynJP', 'yn+P')],
    ['with a short signature', TOKEN.slice(0, -1)],
    ['with a long signature', `${TOKEN}A`],
    ['with a negative expiry', `-${TOKEN}`],
    ['with a fractional expiry', TOKEN.replace('1805117400', '1805117400.5')],
    ['with spaces', ` ${TOKEN}`],
    ['with two tokens', `${TOKEN},${TOKEN}`],
  ])('refuses a token %s as malformed', (_, token) => {
    expect(verifyStatusToken(REFERENCE, token, keys, BEFORE_EXPIRY)).toBe('malformed');
  });
});
