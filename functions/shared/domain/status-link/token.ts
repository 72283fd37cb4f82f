import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningKeys } from './signing-keys.ts';

/**
 * A status token: `<expiry>.<signature>`, the expiry in seconds since the epoch and the signature
 * the base64url HMAC-SHA256 of the claim reference and that expiry. The reference itself is in
 * the link's path, so the token only proves that we issued the link for that claim until then.
 */
const TOKEN_PATTERN = /^(\d{1,11})\.([A-Za-z0-9_-]{43})$/;
/** Keeps these signatures from ever being valid for anything else signed with the same key. */
const PURPOSE = 'claims-intake claim status link';

export type TokenVerdict = 'valid' | 'malformed' | 'forged' | 'expired';

export function signStatusToken(reference: string, expiresAt: Date, key: Buffer): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${expiry}.${signature(reference, expiry, key)}`;
}

/** Checks the token against every key version, in constant time; an expired token is only reported as such when authentic. */
export function verifyStatusToken(reference: string, token: string, keys: SigningKeys, now: Date): TokenVerdict {
  const parts = TOKEN_PATTERN.exec(token);
  if (!parts) return 'malformed';
  const [, expiryText = '', given = ''] = parts;
  const expiry = Number(expiryText);
  const candidates = [keys.current, ...(keys.previous ? [keys.previous] : [])];
  // Every key is tried, matching or not, so the time taken does not tell which one signed.
  const matches = candidates.map((key) => equalInConstantTime(given, signature(reference, expiry, key)));
  if (!matches.includes(true)) return 'forged';
  return now.getTime() < expiry * 1000 ? 'valid' : 'expired';
}

function signature(reference: string, expiry: number, key: Buffer): string {
  return createHmac('sha256', key).update(`${PURPOSE}\n${reference}\n${expiry}`).digest('base64url');
}

/** Compares the encoded signatures, so that no other spelling of the same bytes is accepted. */
function equalInConstantTime(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given, 'ascii');
  const expectedBytes = Buffer.from(expected, 'ascii');
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}
