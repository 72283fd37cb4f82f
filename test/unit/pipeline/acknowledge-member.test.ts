import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord, SentMessage } from '../../../functions/shared/domain/claim.ts';
import { StatusLinkIssuer } from '../../../functions/shared/domain/status-link/index.ts';
import type { ClaimStatus } from '../../../functions/shared/domain/types.ts';
import {
  acknowledgeMember,
  planReply,
  replyRecipient,
  type AcknowledgeDependencies,
} from '../../../functions/shared/pipeline/acknowledge-member.ts';
import type { IntakeContext, MemberIdentification } from '../../../functions/shared/pipeline/context.ts';
import { claimRecord, EARLIER_REFERENCE, NOW, now, REFERENCE } from '../../support/claim-records.ts';
import { contextFromRaw, envelope, intakeContext, PASSING_VERDICTS, sampleMember, UNAUTHENTICATED_VERDICTS } from '../../support/contexts.ts';
import { NO_DMARC_POLICY, sesAuthenticationResults, storedMessage } from '../../support/sender-authentication.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { RecordingMailer } from '../../support/recording-mailer.ts';
import { CURRENT_KEY, FixedSigningKeys } from '../../support/signing-keys.ts';

const NBSP = '\u00a0';
const MARIE = sampleMember('12345678');
const JOHN = sampleMember('20481632');
const MEMBER_MESSAGE_ID = '<m1@mail.example.fr>';
const SENT_FORWARD: SentMessage = { to: 'contact@medical-administrators.com', messageId: '<forward@mailer.test>', at: NOW.toISOString() };

const identified = (member = MARIE): MemberIdentification => ({ member, ambiguous: false, reasons: ['member number found in subject'] });
const NOT_IDENTIFIED: MemberIdentification = { ambiguous: false, reasons: ['no member number, and the sender address is not registered'] };

/** A message from the given sender, identified as given. */
function received(from: string, identification: MemberIdentification): Promise<IntakeContext> {
  return intakeContext({ from, messageId: MEMBER_MESSAGE_ID }, { identification });
}

const claimWith = (outcome: ClaimStatus, changes: Partial<ClaimRecord> = {}) => claimRecord({ status: outcome, outcome, ...changes });

describe('planReply', () => {
  it('acknowledges a forwarded claim to the member, in their language', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    expect(planReply(claimWith('FORWARDED', { forward: SENT_FORWARD }), context)).toEqual({
      kind: 'acknowledged',
      to: 'marie.dupont@example.fr',
      language: 'fr',
    });
  });

  it('does not acknowledge a claim whose forward has not been sent yet', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    expect(planReply(claimRecord({ outcome: 'FORWARDED', status: 'RECEIVED' }), context)).toBeUndefined();
  });

  it.each([
    ['DUPLICATE', 'duplicate'],
    ['REVIEW', 'review'],
    ['NEEDS_INFO', 'needs-info'],
  ] as const)('answers a %s claim at the registered address, never the From address', async (outcome, kind) => {
    const context = await received('someone.else@example.net', identified(JOHN));
    expect(planReply(claimWith(outcome), context)).toEqual({ kind, to: 'john.carter@example.com', language: 'en' });
  });

  it.each(['FORWARDED', 'DUPLICATE', 'REVIEW'] as const)('does not answer a %s claim of a sender who is not a member', async (outcome) => {
    const context = await received('Anna Kowalski <anna.kowalski@example.com>', NOT_IDENTIFIED);
    expect(planReply(claimWith(outcome, { forward: SENT_FORWARD }), context)).toBeUndefined();
  });

  it('asks an unidentified sender for the member number at their address, in both languages', async () => {
    const context = await received('Anna Kowalski <Anna.Kowalski@Example.com>', NOT_IDENTIFIED);
    expect(planReply(claimWith('NEEDS_INFO'), context)).toEqual({ kind: 'needs-info', to: 'anna.kowalski@example.com', language: 'both' });
  });

  it.each(['"anna kowalski"@example.com', 'anna@localhost'])(
    'does not write to the unsafe sender address %s',
    async (from) => {
      const context = await received(from, NOT_IDENTIFIED);
      expect(planReply(claimWith('NEEDS_INFO'), context)).toBeUndefined();
    },
  );

  it.each(['anna@example.com\r\nBcc: victim@example.net', 'anna@example.com\nX-Injected: 1', 'anna"@example.com'])(
    'does not write to a sender address holding header syntax (%j)',
    async (address) => {
      const context = await received('placeholder@example.com', NOT_IDENTIFIED);
      const mail = { ...context.mail, from: { value: [{ address, name: '' }], html: '', text: address } };
      expect(planReply(claimWith('NEEDS_INFO'), { ...context, mail })).toBeUndefined();
    },
  );

  it('does not answer a message with no sender address', async () => {
    const context = await intakeContext({ from: undefined }, { identification: NOT_IDENTIFIED });
    expect(planReply(claimWith('NEEDS_INFO'), context)).toBeUndefined();
  });

  it.each(['REVIEW', 'NEEDS_INFO', 'DUPLICATE'] as const)(
    'answers nobody, not even the member a number names, when the message has no usable sender address (%s)',
    async (outcome) => {
      for (const from of [undefined, 'Anna <anna@example.com>, Paul <paul.girard@example.com>']) {
        const context = await intakeContext({ from }, { identification: identified(JOHN) });
        expect(planReply(claimWith(outcome), context)).toBeUndefined();
      }
    },
  );

  it('asks an unauthenticated sender nothing, whatever the outcome says', async () => {
    const context = await intakeContext({ from: 'Anna Kowalski <anna.kowalski@example.com>' }, { identification: NOT_IDENTIFIED, envelope: envelope({ verdicts: UNAUTHENTICATED_VERDICTS }) });
    expect(planReply(claimWith('NEEDS_INFO'), context)).toBeUndefined();
  });

  it('tells the member at their registered address, not the sender, that a person will look at a claim an unauthenticated sender made with their number', async () => {
    const context = await intakeContext({ from: 'john.carter@example.com' }, { identification: identified(JOHN), envelope: envelope({ verdicts: UNAUTHENTICATED_VERDICTS }) });
    expect(planReply(claimWith('REVIEW'), context)).toEqual({ kind: 'review', to: 'john.carter@example.com', language: 'en' });
  });

  it.each(['IGNORED', 'QUARANTINED'] as const)('never answers a message the screening set aside (%s), even from a member', async (outcome) => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    expect(planReply(claimWith(outcome), context)).toBeUndefined();
  });

  it('tells the member at their registered address that a person declined the claim, in their language', async () => {
    const context = await received('someone.else@example.net', identified());
    expect(planReply(claimWith('REJECTED'), context)).toEqual({ kind: 'rejected', to: 'marie.dupont@example.fr', language: 'fr' });
  });

  it('tells an authenticated sender who is nobody\'s member nothing of a rejection', async () => {
    const context = await intakeContext({ from: 'Anna Kowalski <anna.kowalski@example.com>' }, { identification: NOT_IDENTIFIED, envelope: envelope({ verdicts: PASSING_VERDICTS }) });
    expect(planReply(claimWith('REJECTED'), context)).toBeUndefined();
  });
});

describe('replyRecipient', () => {
  it("is the member's registered address when a member is found, whoever sent the message", async () => {
    const context = await intakeContext({ from: 'someone.else@example.net' }, { identification: identified(JOHN), envelope: envelope({ verdicts: UNAUTHENTICATED_VERDICTS }) });
    expect(replyRecipient(context)).toEqual({ to: 'john.carter@example.com', language: 'en', registered: true });
  });

  it("is an authenticated sender's own address when no member is found", async () => {
    const context = await intakeContext({ from: 'Anna <Anna.Kowalski@example.com>' }, { identification: NOT_IDENTIFIED, envelope: envelope({ verdicts: PASSING_VERDICTS }) });
    expect(replyRecipient(context)).toEqual({ to: 'anna.kowalski@example.com', language: 'both', registered: false });
  });

  it('is the address of a sender whose domain has no DMARC policy only with an aligned pass in SES\'s header', async () => {
    const unaligned = sesAuthenticationResults({ spf: 'pass', envelopeFrom: 'bounce@attacker.example', dmarc: 'none', fromDomain: 'example.com' });
    const aligned = sesAuthenticationResults({ spf: 'pass', envelopeFrom: 'bounce@example.com', dmarc: 'none', fromDomain: 'example.com' });
    const from = 'anna.kowalski@example.com';
    const changes = { identification: NOT_IDENTIFIED, envelope: envelope({ verdicts: NO_DMARC_POLICY }) };
    expect(replyRecipient(await contextFromRaw(storedMessage([aligned], from), changes))).toEqual({ to: from, language: 'both', registered: false });
    expect(replyRecipient(await contextFromRaw(storedMessage([unaligned], from), changes))).toBeUndefined();
  });

  it('is nobody for an unauthenticated sender who is no member', async () => {
    const context = await intakeContext({ from: 'anna.kowalski@example.com' }, { identification: NOT_IDENTIFIED, envelope: envelope({ verdicts: UNAUTHENTICATED_VERDICTS }) });
    expect(replyRecipient(context)).toBeUndefined();
  });
});

describe('acknowledgeMember', () => {
  let claims: InMemoryClaimRepository;
  let mailer: RecordingMailer;
  let dependencies: AcknowledgeDependencies;

  beforeEach(() => {
    claims = new InMemoryClaimRepository();
    mailer = new RecordingMailer();
    dependencies = { claims, mailer, administrators: {}, replyLimitPerDay: 5, now };
  });


  it("replies to the member's message, threaded after the messages it answered", async () => {
    const context = await intakeContext(
      { messageId: MEMBER_MESSAGE_ID, references: ['<a@mail.example.fr>', '<b@mail.example.fr>'] },
      { identification: identified() },
    );
    await acknowledgeMember(await claims.seed(claimWith('FORWARDED', { forward: SENT_FORWARD })), context, dependencies);

    expect(mailer.sent).toHaveLength(1);
    const [sent] = mailer.sent;
    expect(sent?.tags).toEqual({ claimReference: REFERENCE, kind: 'acknowledged', ledger: 'reply', attempt: '1' });
    expect(sent?.message).toMatchObject({
      to: 'marie.dupont@example.fr',
      subject: `Votre demande de remboursement [${REFERENCE}] a bien été reçue`,
      inReplyTo: MEMBER_MESSAGE_ID,
      references: ['<a@mail.example.fr>', '<b@mail.example.fr>', MEMBER_MESSAGE_ID],
      autoSubmitted: 'auto-replied',
      attachments: [],
    });
  });

  it('threads a reply to a message with one earlier reference, or none', async () => {
    const oneReference = await intakeContext({ messageId: MEMBER_MESSAGE_ID, references: '<a@mail.example.fr>' }, { identification: identified() });
    const noReference = await intakeContext({ messageId: MEMBER_MESSAGE_ID }, { identification: identified() });
    await acknowledgeMember(await claims.seed(claimWith('REVIEW')), oneReference, dependencies);
    await acknowledgeMember(await claims.seed({ ...claimWith('REVIEW'), reference: EARLIER_REFERENCE, sesMessageId: 'ses-message-0002' }), noReference, dependencies);

    expect(mailer.sent.map(({ message }) => [message.inReplyTo, message.references])).toEqual([
      [MEMBER_MESSAGE_ID, ['<a@mail.example.fr>', MEMBER_MESSAGE_ID]],
      [MEMBER_MESSAGE_ID, [MEMBER_MESSAGE_ID]],
    ]);
  });

  it('sends an unthreaded reply to a message without a Message-ID', async () => {
    const raw = Buffer.from('From: marie.dupont@example.fr\r\nTo: claims@claims.example.org\r\nSubject: Facture\r\n\r\nBonjour\r\n');
    await acknowledgeMember(await claims.seed(claimWith('REVIEW')), await contextFromRaw(raw, { identification: identified() }), dependencies);

    expect(mailer.sent.map(({ message }) => [message.inReplyTo, message.references])).toEqual([[undefined, undefined]]);
  });

  it('records the acknowledgement sent, in what it returns and in the repository', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    const acknowledged = await acknowledgeMember(await claims.seed(claimWith('REVIEW')), context, dependencies);

    const acknowledgement = { to: 'marie.dupont@example.fr', messageId: '<sent-1@mailer.test>', at: NOW.toISOString(), language: 'fr' as const };
    expect(acknowledged).toEqual(
      claimWith('REVIEW', {
        acknowledgement,
        sends: {
          reply: {
          kind: 'reply',
          state: 'sent',
          attempt: 1,
          at: NOW.toISOString(),
          token: expect.any(String),
          to: 'marie.dupont@example.fr',
          language: 'fr',
          messageId: '<sent-1@mailer.test>',
          sentAt: NOW.toISOString(),
          },
        },
      }),
    );
    expect(await claims.get(REFERENCE)).toEqual(acknowledged);
  });

  it('tells a member that the documents were already received with the earlier claim, in English', async () => {
    const context = await received('John Carter <john.carter@example.com>', identified(JOHN));
    await acknowledgeMember(await claims.seed(claimWith('DUPLICATE', { duplicateOf: EARLIER_REFERENCE })), context, dependencies);

    expect(mailer.sent.map(({ message, tags }) => [message.to, message.subject, tags.kind])).toEqual([
      ['john.carter@example.com', `Your claim [${REFERENCE}]: documents already received`, 'duplicate'],
    ]);
  });

  it('asks an unidentified, authenticated sender for the member number in French and English', async () => {
    const context = await intakeContext(
      { from: 'Anna Kowalski <anna.kowalski@example.com>', messageId: MEMBER_MESSAGE_ID },
      { identification: NOT_IDENTIFIED, outcome: { status: 'NEEDS_INFO', missing: 'member-number', reasons: NOT_IDENTIFIED.reasons } },
    );
    const acknowledged = await acknowledgeMember(await claims.seed(claimWith('NEEDS_INFO')), context, dependencies);

    expect(mailer.sent.map(({ message, tags }) => [message.to, message.subject, tags.kind])).toEqual([
      [
        'anna.kowalski@example.com',
        `Votre demande de remboursement [${REFERENCE}]${NBSP}: numéro d'adhérent nécessaire / Your claim [${REFERENCE}]: member number needed`,
        'needs-info',
      ],
    ]);
    expect(acknowledged.acknowledgement).toMatchObject({ to: 'anna.kowalski@example.com', language: 'both' });
  });

  it('does not reply twice', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    const claim = claimWith('REVIEW', { acknowledgement: { to: 'marie.dupont@example.fr', messageId: '<earlier@mailer.test>', at: NOW.toISOString() } });

    expect(await acknowledgeMember(claim, context, dependencies)).toBe(claim);
    expect(mailer.sent).toEqual([]);
  });

  it('sends nothing when no reply is called for', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    const claim = await claims.seed(claimWith('IGNORED'));

    expect(await acknowledgeMember(claim, context, dependencies)).toBe(claim);
    expect(mailer.sent).toEqual([]);
    expect(await claims.get(REFERENCE)).toEqual(claim);
  });
});

describe('acknowledgeMember with a status page', () => {
  const STATUS_PAGE = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';
  /** Tokens of CURRENT_KEY valid 365 days from the reply, sent at NOW (2026-03-15T13:31:00Z). */
  const OWN_LINK = `${STATUS_PAGE}claims/${REFERENCE}?t=1805117460.1xU19GsxnHOZYZ7fKLsdt_jcsVnpJJt1tUraAIHLNTA`;
  const EARLIER_LINK = `${STATUS_PAGE}claims/${EARLIER_REFERENCE}?t=1805117460.qORAK8CatD1PxvZYKG7s1IL_H2AlGHu8JBV2MHiVvHU`;
  let mailer: RecordingMailer;
  let dependencies: AcknowledgeDependencies;

  beforeEach(() => {
    mailer = new RecordingMailer();
    dependencies = {
      claims: new InMemoryClaimRepository(),
      mailer,
      administrators: {},
      replyLimitPerDay: 5,
      statusLinks: new StatusLinkIssuer(STATUS_PAGE, new FixedSigningKeys({ current: CURRENT_KEY }), 365),
      now,
    };
  });

  const seeded = (claim: ClaimRecord) => (dependencies.claims as InMemoryClaimRepository).seed(claim);
  const sentText = () => mailer.sent[0]?.message.text ?? '';

  it("links an acknowledgement to the claim's status page, in the text and the HTML", async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    await acknowledgeMember(await seeded(claimWith('FORWARDED', { forward: SENT_FORWARD })), context, dependencies);

    expect(sentText()).toContain(`Suivez votre demande sur notre page de suivi${NBSP}:\n${OWN_LINK}\n`);
    expect(mailer.sent[0]?.message.html).toContain(`<a href="${OWN_LINK}">${OWN_LINK}</a>`);
  });

  it("links a review reply to the claim's own page", async () => {
    const context = await received('John Carter <john.carter@example.com>', identified(JOHN));
    await acknowledgeMember(await seeded(claimWith('REVIEW')), context, dependencies);

    expect(sentText()).toContain(`Follow your claim on our status page:\n${OWN_LINK}\n`);
  });

  it('links a duplicate reply to the page of the earlier claim the documents belong to', async () => {
    const context = await received('John Carter <john.carter@example.com>', identified(JOHN));
    await acknowledgeMember(await seeded(claimWith('DUPLICATE', { duplicateOf: EARLIER_REFERENCE })), context, dependencies);

    expect(sentText()).toContain(`Follow your claim on our status page:\n${EARLIER_LINK}\n`);
    expect(sentText()).not.toContain(`claims/${REFERENCE}`);
  });

  it('gives no link in a request for what is missing: the answer becomes a new claim', async () => {
    const context = await intakeContext(
      { from: 'Marie Dupont <marie.dupont@example.fr>', messageId: MEMBER_MESSAGE_ID },
      { identification: identified(), outcome: { status: 'NEEDS_INFO', missing: 'documents', reasons: ['no document attached'] } },
    );
    await acknowledgeMember(await seeded(claimWith('NEEDS_INFO')), context, dependencies);

    expect(mailer.sent).toHaveLength(1);
    expect(sentText()).not.toContain(STATUS_PAGE);
  });

  it('gives no link when no status page is deployed', async () => {
    const context = await received('Marie Dupont <marie.dupont@example.fr>', identified());
    await acknowledgeMember(await seeded(claimWith('FORWARDED', { forward: SENT_FORWARD })), context, { ...dependencies, statusLinks: undefined });

    expect(sentText()).not.toContain('page de suivi');
    expect(sentText()).toContain('Suivez votre remboursement en ligne');
  });
});
