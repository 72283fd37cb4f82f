import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import type { SenderAuthenticity } from '../../../functions/shared/domain/sender-authenticity.ts';
import type { LocationDecision } from '../../../functions/shared/domain/types.ts';
import type { IntakeContext, MemberIdentification } from '../../../functions/shared/pipeline/context.ts';
import { decideOutcome } from '../../../functions/shared/pipeline/decide-outcome.ts';
import { documentFile, intakeContext, sampleMember } from '../../support/contexts.ts';

const BILL = sampleMember('52093817');
const FOUND_BY_NUMBER: MemberIdentification = { member: BILL, ambiguous: false, reasons: ['member number found in subject'] };
const NOT_FOUND: MemberIdentification = { ambiguous: false, reasons: ['no member number, and the sender address is not registered'] };
const INVOICE = documentFile('invoice.txt', 'Royal Phnom Penh Hospital\nTel: +855 23 991 000');
const INVOICE_READ: InvoiceReading = { document: 'invoice.txt', kind: 'invoice', serviceDates: [], lines: [], confidence: 0.9 };

const IN_CAMBODIA: LocationDecision = {
  country: 'KH',
  route: 'MAI',
  evidence: [{ country: 'KH', strength: 'medium', reason: 'phone number with country code +855 (KH)', source: 'invoice.txt' }],
  reasons: ['treatment location KH, routed to MAI', 'invoice.txt: phone number with country code +855 (KH)'],
};
const NOWHERE: LocationDecision = {
  country: null,
  route: null,
  evidence: [],
  reasons: ['no evidence of where the treatment took place'],
};

const AUTHENTIC: SenderAuthenticity = { authentic: true, reason: "DMARC authenticated the sender's domain" };
const DMARC_FAILED: SenderAuthenticity = { authentic: false, reason: "DMARC failed for the sender's domain" };
const NOT_ALIGNED: SenderAuthenticity = { authentic: false, reason: "the sender's domain publishes no DMARC policy, and no SPF or DKIM pass is aligned with it" };

let received: IntakeContext;

beforeAll(async () => {
  received = await intakeContext();
});

/** A context every step before the decision has completed, with the given findings instead. */
function decided(changes: Partial<IntakeContext>, sender: SenderAuthenticity = AUTHENTIC) {
  return decideOutcome({
    ...received,
    sender,
    identification: FOUND_BY_NUMBER,
    documents: [INVOICE],
    location: IN_CAMBODIA,
    invoices: [INVOICE_READ],
    ...changes,
  });
}

describe('decideOutcome', () => {
  it.each([
    [{ outcome: 'IGNORED', reason: 'our own message came back' }],
    [{ outcome: 'QUARANTINED', reason: 'virus verdict FAIL' }],
  ] as const)('keeps the screening verdict %j with its reason, before reading anything else', (screening) => {
    const context = decideOutcome({ ...received, screening, documents: undefined, messageTexts: undefined });
    expect(context.outcome).toEqual({ status: screening.outcome, reasons: [screening.reason] });
  });

  it('sends an ambiguous identification to a person', () => {
    const ambiguous: MemberIdentification = { ambiguous: true, reasons: ['several member numbers found (subject, body)'] };
    expect(decided({ identification: ambiguous }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['several member numbers found (subject, body)'],
    });
  });

  it('asks an unidentified sender whose domain DMARC authenticated for the member number', () => {
    expect(decided({ identification: NOT_FOUND }, AUTHENTIC).outcome).toEqual({
      status: 'NEEDS_INFO',
      missing: 'member-number',
      reasons: ['no member number, and the sender address is not registered'],
    });
  });

  it.each([DMARC_FAILED, NOT_ALIGNED])(
    'sends an unidentified, unauthenticated sender to a person (%j)',
    (sender) => {
      expect(decided({ identification: NOT_FOUND }, sender).outcome).toEqual({
        status: 'REVIEW',
        reasons: ['no member number, and the sender address is not registered'],
      });
    },
  );

  it.each([DMARC_FAILED, NOT_ALIGNED])('sends a claim to a person, not forward, when only a member number names the member of an unauthenticated sender (%j)', (sender) => {
    expect(decided({}, sender).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['member number found in subject', `the sender is not authenticated (${sender.reason}): a member number alone does not forward a claim`],
    });
    expect(decided({ documents: [] }, sender).outcome?.status).toBe('REVIEW');
  });

  it.each(['suspended', 'terminated'] as const)('sends the claim of a %s member to a person, even without documents', (status) => {
    const identification = { ...FOUND_BY_NUMBER, member: { ...BILL, status } };
    expect(decided({ identification, documents: [] }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['member number found in subject', `member status is ${status}`],
    });
  });

  it('asks the member for the documents when none came, before locating anything', () => {
    expect(decided({ documents: [], location: undefined }).outcome).toEqual({
      status: 'NEEDS_INFO',
      missing: 'documents',
      reasons: ['member number found in subject', 'no document attached'],
    });
  });

  it('sends a claim with no route to a person, with the location reasons', () => {
    expect(decided({ location: NOWHERE }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['member number found in subject', 'no evidence of where the treatment took place'],
    });
  });

  it('forwards a routed claim with the identification and location reasons', () => {
    expect(decided({}).outcome).toEqual({
      status: 'FORWARDED',
      reasons: [
        'member number found in subject',
        'treatment location KH, routed to MAI',
        'invoice.txt: phone number with country code +855 (KH)',
      ],
    });
  });

  it('sends a routed claim none of whose documents reads as an invoice, receipt or statement to a person, with why', () => {
    expect(decided({ invoices: [] }).outcome).toEqual({
      status: 'REVIEW',
      reasons: [
        'member number found in subject',
        'no document reads as a medical invoice, receipt or statement',
        'treatment location KH, routed to MAI',
        'invoice.txt: phone number with country code +855 (KH)',
      ],
    });
  });

  it('adds the outcome and leaves the rest of the context as it was', () => {
    const before = { ...received, identification: FOUND_BY_NUMBER, documents: [INVOICE], location: IN_CAMBODIA, invoices: [INVOICE_READ] };
    const { outcome, ...rest } = decideOutcome(before);
    expect(outcome?.status).toBe('FORWARDED');
    expect(rest).toEqual(before);
  });

  it.each([
    [{ screening: undefined }, 'Intake step ran before knowing the screening'],
    [{ identification: undefined }, 'Intake step ran before knowing the member'],
    [{ documents: undefined }, 'Intake step ran before knowing the documents'],
    [{ location: undefined }, 'Intake step ran before knowing the treatment location'],
    [{ invoices: undefined }, 'Intake step ran before knowing the invoices'],
    [{ sender: undefined }, "Intake step ran before knowing the sender's authenticity"],
  ] as const)('refuses to decide before an earlier step ran (%j)', (missing, message) => {
    expect(() => decided(missing)).toThrow(message);
  });

  it('sends a message that could not be read to a person with why, deciding on nothing but its envelope', () => {
    const unreadable = { ...received, unreadable: 'more than 1000 MIME parts', documents: undefined, messageTexts: undefined };
    expect(decideOutcome({ ...unreadable, screening: { outcome: 'accept' } }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['message could not be read: more than 1000 MIME parts'],
    });
    expect(decideOutcome({ ...unreadable, screening: { outcome: 'QUARANTINED', reason: 'virus verdict FAIL' } }).outcome).toEqual({
      status: 'QUARANTINED',
      reasons: ['virus verdict FAIL'],
    });
  });
});
