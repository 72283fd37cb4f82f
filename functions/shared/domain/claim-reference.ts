import { randomInt } from 'node:crypto';

/** Crockford-style alphabet: no 0/O, 1/I/L or U, so a reference read over the phone survives. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 6;

/** A claim reference such as CLM-2026-7K3F9Q: the year it was received, then six random characters. */
export function newClaimReference(receivedAt: Date): string {
  let suffix = '';
  for (let index = 0; index < RANDOM_LENGTH; index += 1) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `CLM-${receivedAt.getUTCFullYear()}-${suffix}`;
}

export const CLAIM_REFERENCE_PATTERN = /^CLM-\d{4}-[2-9A-HJKMNP-TV-Z]{6}$/;
