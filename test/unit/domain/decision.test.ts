import { describe, expect, it } from 'vitest';
import { manualDecision, nextResend, unfinishedResend, whyNotDecidable, whyNotResendable } from '../../../functions/shared/domain/decision.ts';
import { claimRecord, REFERENCE } from '../../support/claim-records.ts';

const AT = new Date('2026-03-16T09:00:00.000Z');

describe('manualDecision', () => {
  it('keeps who and why on one line, without what would act on a terminal', () => {
    expect(manualDecision(claimRecord(), { action: 'reject' }, 'jdoe\r\n', 'not covered\r\nBcc: attacker@example.net\x1b[2J', AT)).toEqual({
      action: 'reject',
      sends: { reply: 'reply-rejection-1' },
      by: 'jdoe',
      why: 'not covered Bcc: attacker@example.net',
      at: '2026-03-16T09:00:00.000Z',
    });
  });

  it('bounds a note to the length of a line', () => {
    expect(Buffer.byteLength(manualDecision(claimRecord(), { action: 'route', route: 'MAI' }, 'jdoe', 'é'.repeat(5000), AT).why)).toBe(2000);
  });
});

describe('the messages a decision sends', () => {
  const SENT = { to: 'contact@medical-administrators.com', messageId: 'ses-1', at: '2026-03-15T13:31:00.000Z' };
  const bounced = { kind: 'forward' as const, state: 'sent' as const, attempt: 1, at: SENT.at, token: 't', to: SENT.to, messageId: 'ses-1', sentAt: SENT.at };

  it("routes a claim never forwarded with the claim's first forward, and a reply of its own", () => {
    expect(manualDecision(claimRecord({ status: 'REVIEW' }), { action: 'route', route: 'MAI' }, 'jdoe', 'Lyon', AT).sends).toEqual({ forward: 'forward', reply: 'reply-decision-1' });
  });

  it('routes a claim whose forward bounced with a forward of its own, numbered after the earlier decisions', () => {
    const earlier = manualDecision(claimRecord(), { action: 'route', route: 'MAI' }, 'jdoe', 'Lyon', AT);
    const claim = claimRecord({ status: 'REVIEW', forward: SENT, sends: { forward: bounced }, decisions: [earlier] });
    expect(manualDecision(claim, { action: 'route', route: 'CIGNA_US' }, 'jdoe', 'Boston after all', AT).sends).toEqual({ forward: 'forward-decision-2', reply: 'reply-decision-2' });
    expect(manualDecision(claim, { action: 'reject' }, 'jdoe', 'not covered', AT).sends).toEqual({ reply: 'reply-rejection-2' });
  });
});

describe('whyNotDecidable', () => {
  it.each(['REVIEW', 'NEEDS_INFO'] as const)('has nothing against a claim in %s', (status) => {
    expect(whyNotDecidable(claimRecord({ status }))).toBeUndefined();
  });

  it('says what the claim is and which statuses can be decided', () => {
    expect(whyNotDecidable(claimRecord({ status: 'FORWARDED' }))).toBe(`${REFERENCE} is FORWARDED: only a claim in REVIEW or NEEDS_INFO can be decided`);
  });

  it('names the decision taken already, who took it and why', () => {
    const decided = claimRecord({ status: 'REJECTED', decisions: [manualDecision(claimRecord(), { action: 'reject' }, 'jdoe', 'not covered', AT)] });
    expect(whyNotDecidable(decided)).toBe(
      `${REFERENCE} is REJECTED: only a claim in REVIEW or NEEDS_INFO can be decided; decided by jdoe at 2026-03-16T09:00:00.000Z: not covered`,
    );
  });
});

describe('nextResend', () => {
  const SENT = { to: 'contact@medical-administrators.com', messageId: 'ses-1', at: '2026-03-15T13:31:00.000Z' };

  it('numbers resends across the claim, each with a ledger id no message had', () => {
    const first = nextResend(claimRecord({ forward: SENT }), 'forward', 'jdoe', 'lost\r\nby MAI', AT);
    expect(first).toEqual({ message: 'forward', number: 1, sendId: 'forward-resend-1', by: 'jdoe', why: 'lost by MAI', at: '2026-03-16T09:00:00.000Z' });
    expect(nextResend(claimRecord({ forward: SENT, resends: [first] }), 'acknowledgement', 'jdoe', 'new address', AT).sendId).toBe('reply-resend-2');
  });
});

describe('whyNotResendable', () => {
  it('refuses a message that was never sent, and allows one that was', () => {
    expect(whyNotResendable(claimRecord({ status: 'REVIEW' }), 'forward')).toBe(
      `${REFERENCE} is REVIEW and has no forward sent: only a message sent can be sent again`,
    );
    expect(whyNotResendable(claimRecord({ status: 'FORWARDED', forward: { to: 'a@example.com', messageId: 'm', at: '2026-03-15T13:31:00.000Z' } }), 'forward')).toBeUndefined();
  });
});

describe('unfinishedResend', () => {
  const SENT = { to: 'contact@medical-administrators.com', messageId: 'ses-1', at: '2026-03-15T13:31:00.000Z' };
  const entry = (state: 'sending' | 'sent') => ({ kind: 'forward' as const, state, attempt: 1, at: '2026-03-16T09:00:01.000Z', token: 't', to: SENT.to });

  it('is a resend recorded whose message is not known sent, of that message only', () => {
    const resend = nextResend(claimRecord({ forward: SENT }), 'forward', 'jdoe', 'lost', AT);
    expect(unfinishedResend(claimRecord({ forward: SENT, resends: [resend] }), 'forward')).toEqual(resend);
    expect(unfinishedResend(claimRecord({ forward: SENT, resends: [resend], sends: { [resend.sendId]: entry('sending') } }), 'forward')).toEqual(resend);
    expect(unfinishedResend(claimRecord({ forward: SENT, resends: [resend] }), 'acknowledgement')).toBeUndefined();
    expect(unfinishedResend(claimRecord({ forward: SENT, resends: [resend], sends: { [resend.sendId]: entry('sent') } }), 'forward')).toBeUndefined();
  });
});
