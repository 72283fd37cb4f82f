import { describe, expect, it } from 'vitest';
import { verdictsFromHeaders } from '../../../functions/shared/events/verdict-headers.ts';
import { PASSING_VERDICTS } from '../../support/contexts.ts';

/** A stored message as SES writes it: its verdict headers above the member's own. */
function storedMessage(verdictHeaders: readonly string[], body = 'Bonjour, ci-joint ma facture.', newline = '\r\n'): Buffer {
  const headers = [
    'Return-Path: <marie.dupont@example.fr>',
    ...verdictHeaders,
    'From: Marie Dupont <marie.dupont@example.fr>',
    'To: claims@claims.example.org',
    'Subject: Remboursement',
  ];
  return Buffer.from([...headers, '', body, ''].join(newline), 'latin1');
}

describe('verdictsFromHeaders', () => {
  it('counts every verdict without a header as PASS', () => {
    expect(verdictsFromHeaders(storedMessage([]))).toEqual(PASSING_VERDICTS);
  });

  it.each([
    ['pass', 'PASS'],
    ['fail', 'FAIL'],
    ['none', 'GRAY'],
    ['temperror', 'PROCESSING_FAILED'],
  ] as const)("reads the DMARC verdict (%s) from SES's topmost Authentication-Results", (result, dmarc) => {
    const raw = storedMessage([
      'X-SES-Spam-Verdict: PASS',
      `Authentication-Results: amazonses.com;\r\n spf=pass (spfCheck: domain of example.fr designates 192.0.2.25 as permitted sender) client-ip=192.0.2.25; envelope-from=marie.dupont@example.fr;\r\n dmarc=${result} header.from=example.fr;`,
      'Authentication-Results: mx.example.fr; dmarc=pass header.from=example.fr',
    ]);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, dmarc });
  });

  it('takes no DMARC verdict from an Authentication-Results SES did not write on top', () => {
    const raw = storedMessage(['Authentication-Results: mx.example.fr; dmarc=fail', 'Authentication-Results: amazonses.com; dmarc=none']);
    expect(verdictsFromHeaders(raw)).toEqual(PASSING_VERDICTS);
  });

  it('prefers an X-SES-DMARC-Verdict header to the Authentication-Results', () => {
    const raw = storedMessage(['X-SES-DMARC-Verdict: FAIL', 'Authentication-Results: amazonses.com; dmarc=pass header.from=example.fr']);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, dmarc: 'FAIL' });
  });

  it('reads the spam and virus verdicts SES writes', () => {
    const raw = storedMessage(['X-SES-Spam-Verdict: FAIL', 'X-SES-Virus-Verdict: GRAY']);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, spam: 'FAIL', virus: 'GRAY' });
  });

  it('reads header names and values whatever their case', () => {
    const raw = storedMessage(['x-ses-spam-verdict: fail', 'X-SES-VIRUS-VERDICT: Processing_Failed']);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, spam: 'FAIL', virus: 'PROCESSING_FAILED' });
  });

  it('reads a folded header', () => {
    const raw = storedMessage(['X-SES-Virus-Verdict:\r\n\tFAIL', 'X-SES-Spam-Verdict:\r\n  DISABLED']);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, virus: 'FAIL', spam: 'DISABLED' });
  });

  it('reads a message with bare LF line ends', () => {
    const raw = storedMessage(['X-SES-Virus-Verdict: FAIL'], 'Bonjour', '\n');
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, virus: 'FAIL' });
  });

  it('ignores verdict lines after the headers: the body is what the sender wrote', () => {
    const body = 'X-SES-Virus-Verdict: PASS\r\nX-SES-Spam-Verdict: FAIL';
    const raw = storedMessage(['X-SES-Virus-Verdict: FAIL'], body);
    expect(verdictsFromHeaders(raw)).toEqual({ ...PASSING_VERDICTS, virus: 'FAIL' });
  });

  it('keeps PASS for a value SES does not write', () => {
    expect(verdictsFromHeaders(storedMessage(['X-SES-Virus-Verdict: INFECTED-MAYBE', 'X-SES-Spam-Verdict: ']))).toEqual(PASSING_VERDICTS);
  });

  it('does not take a header that only ends like a verdict header', () => {
    expect(verdictsFromHeaders(storedMessage(['X-Original-X-SES-Virus-Verdict: FAIL']))).toEqual(PASSING_VERDICTS);
  });
});
