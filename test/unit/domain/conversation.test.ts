import { describe, expect, it } from 'vitest';
import {
  joinRule,
  MAX_THREAD_IDS_LOOKED_UP,
  referenceInSubject,
  sentMessageIdHeader,
  sesMessageIdsRepliedTo,
  type JoinEvidence,
} from '../../../functions/shared/domain/conversation.ts';
import type { Member } from '../../../functions/shared/domain/types.ts';

const MARIE: Member = {
  memberId: '12345678',
  firstName: 'Marie',
  lastName: 'Dupont',
  email: 'Marie.Dupont@example.fr',
  language: 'fr',
  country: 'FR',
  status: 'active',
  faxNumbers: ['+33142000000'],
};
const CLAIM = { reference: 'CLM-2026-7K3F9Q', member: MARIE };
const SES_ID = '0102018c3a6f2b1e-6d1b2c3a-4b5c-4d6e-8f90-a1b2c3d4e5f6-000000';

const fromMarie: JoinEvidence = { senderAddress: 'marie.dupont@example.fr', authentic: true };

describe('sesMessageIdsRepliedTo', () => {
  it('reads the SES message id of our messages named in In-Reply-To, then References from the last', () => {
    expect(
      sesMessageIdsRepliedTo([`<${SES_ID}@eu-west-1.amazonses.com>`], [
        '<CAF1=abc@mail.gmail.com>',
        '<first-000000@email.amazonses.com>',
        `<${SES_ID}@eu-west-1.amazonses.com>`,
      ]),
    ).toEqual([SES_ID, 'first-000000']);
  });

  it('ignores Message-IDs of other hosts, including look-alikes of amazonses.com', () => {
    expect(sesMessageIdsRepliedTo(['<abc@amazonses.com.example.net>', '<abc@notamazonses.com>', '<a b@eu-west-1.amazonses.com>', 'no-at-sign'], [])).toEqual([]);
  });

  it(`looks up at most ${MAX_THREAD_IDS_LOOKED_UP} ids`, () => {
    const references = Array.from({ length: 30 }, (_, index) => `<id-${index}@eu-west-1.amazonses.com>`);
    const ids = sesMessageIdsRepliedTo([], references);
    expect(ids).toHaveLength(MAX_THREAD_IDS_LOOKED_UP);
    expect(ids[0]).toBe('id-29');
  });

  it('reads back the Message-ID SES gives the messages it sends', () => {
    expect(sentMessageIdHeader(SES_ID, 'eu-west-1')).toBe(`<${SES_ID}@eu-west-1.amazonses.com>`);
    expect(sentMessageIdHeader(SES_ID, 'us-east-1')).toBe(`<${SES_ID}@email.amazonses.com>`);
    expect(sesMessageIdsRepliedTo([sentMessageIdHeader(SES_ID, 'us-east-1')], [])).toEqual([SES_ID]);
  });
});

describe('referenceInSubject', () => {
  it.each([
    ['Re: Votre demande de remboursement [CLM-2026-7K3F9Q] : justificatifs manquants', 'CLM-2026-7K3F9Q'],
    ['TR: claim clm-2026-7k3f9q, one more page', 'CLM-2026-7K3F9Q'],
    ['[CLM-2026-7K3F9Q] and again CLM-2026-7K3F9Q', 'CLM-2026-7K3F9Q'],
  ])('finds the reference in %j', (subject, reference) => {
    expect(referenceInSubject(subject)).toBe(reference);
  });

  it.each([
    ['Remboursement'],
    ['CLM-2026-7K3F9Q and CLM-2026-8A2YF7'],
    ['CLM-2026-7K3F9QX'],
    ['XCLM-2026-7K3F9Q'],
    ['CLM-2026-7K3F9O'],
  ])('finds none in %j', (subject) => {
    expect(referenceInSubject(subject)).toBeUndefined();
  });
});

describe('joinRule', () => {
  it('joins a reply to one of our messages by its header, whoever sends it', () => {
    expect(joinRule({ repliedTo: CLAIM, senderAddress: 'claims@mai.example', authentic: false })).toEqual({ joins: CLAIM.reference, by: 'header' });
  });

  it('prefers the claim the header names to the one the subject names', () => {
    expect(joinRule({ ...fromMarie, repliedTo: CLAIM, quoted: { reference: 'CLM-2026-8A2YF7', member: MARIE } })).toEqual({ joins: CLAIM.reference, by: 'header' });
  });

  it("joins by the subject's reference a message from the claim's member, authenticated, whatever the case of the address", () => {
    expect(joinRule({ ...fromMarie, quoted: CLAIM })).toEqual({ joins: CLAIM.reference, by: 'subject' });
  });

  it("joins by the subject's reference a fax from the member's registered number through an authenticated gateway", () => {
    expect(joinRule({ senderAddress: 'message@inbound.efax.com', authentic: true, faxCaller: '+33142000000', quoted: CLAIM })).toEqual({
      joins: CLAIM.reference,
      by: 'subject',
    });
  });

  it('refuses a stranger quoting the reference', () => {
    expect(joinRule({ senderAddress: 'someone@example.net', authentic: true, quoted: CLAIM })).toEqual({
      refused: "the subject names CLM-2026-7K3F9Q, but the sender is not that claim's member",
    });
    expect(joinRule({ senderAddress: 'message@inbound.efax.com', authentic: true, faxCaller: '+33199999999', quoted: CLAIM })).toEqual({
      refused: "the subject names CLM-2026-7K3F9Q, but the sender is not that claim's member",
    });
  });

  it("refuses the member's own address when the sender is not authenticated", () => {
    expect(joinRule({ ...fromMarie, authentic: false, quoted: CLAIM })).toEqual({
      refused: 'the subject names CLM-2026-7K3F9Q, but the sender is not authenticated',
    });
  });

  it('refuses a claim that has no member, and joins nothing without a reference', () => {
    expect(joinRule({ ...fromMarie, quoted: { reference: CLAIM.reference } })).toEqual({ refused: 'the subject names CLM-2026-7K3F9Q, but that claim has no member' });
    expect(joinRule(fromMarie)).toEqual({});
  });
});
