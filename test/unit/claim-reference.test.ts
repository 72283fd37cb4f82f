import { describe, expect, it } from 'vitest';
import { CLAIM_REFERENCE_PATTERN, newClaimReference } from '../../functions/shared/domain/claim-reference.ts';

/** What a reference may be made of: no 0/O, 1/I/L or U, which are misread over the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Enough draws for every one of the 30 characters to show up: one missing has a chance of about 30·(29/30)^6000. */
const DRAWS = 1000;

const draws = (receivedAt: Date) => Array.from({ length: DRAWS }, () => newClaimReference(receivedAt));

describe('newClaimReference', () => {
  it('writes CLM, the year the message was received, and six characters', () => {
    for (const reference of draws(new Date('2026-03-15T13:30:00Z'))) {
      expect(reference).toMatch(/^CLM-2026-[0-9A-Z]{6}$/);
      expect(reference).toMatch(CLAIM_REFERENCE_PATTERN);
    }
  });

  it('takes the year in UTC', () => {
    expect(newClaimReference(new Date('2025-12-31T23:30:00-02:00')).slice(0, 9)).toBe('CLM-2026-');
    expect(newClaimReference(new Date('2026-01-01T00:30:00+02:00')).slice(0, 9)).toBe('CLM-2025-');
  });

  it('uses every character of the alphabet and nothing else', () => {
    const used = new Set(draws(new Date('2026-03-15T13:30:00Z')).flatMap((reference) => [...reference.slice('CLM-2026-'.length)]));
    expect([...used].sort().join('')).toBe(ALPHABET);
  });

  it('rarely draws the same reference twice', () => {
    // 30^6 ≈ 729 million references: two collisions among a thousand draws have a chance of about 2 in 10 million.
    expect(new Set(draws(new Date('2026-03-15T13:30:00Z'))).size).toBeGreaterThanOrEqual(DRAWS - 1);
  });
});

describe('CLAIM_REFERENCE_PATTERN', () => {
  it.each(['CLM-2026-7K3F9Q', 'CLM-2025-222222', 'CLM-2026-ZZZZZZ'])('accepts %s', (reference) => {
    expect(CLAIM_REFERENCE_PATTERN.test(reference)).toBe(true);
  });

  it.each([
    'CLM-2026-7K3F90',
    'CLM-2026-7K3F9O',
    'CLM-2026-7K3F91',
    'CLM-2026-7K3F9I',
    'CLM-2026-7K3F9L',
    'CLM-2026-7K3F9U',
    'CLM-2026-7k3f9q',
    'CLM-2026-7K3F9',
    'CLM-2026-7K3F9QQ',
    'CLM-26-7K3F9Q',
    'clm-2026-7K3F9Q',
    ' CLM-2026-7K3F9Q',
  ])('rejects %j', (reference) => {
    expect(CLAIM_REFERENCE_PATTERN.test(reference)).toBe(false);
  });
});
