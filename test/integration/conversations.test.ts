import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import type { OutboxEmail } from '../../bin/local/ses-outbox.ts';
import type { DeliveryResult, SesReceiving } from '../../bin/local/ses-receiving.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { SesMailer } from '../../functions/shared/adapters/ses-mailer.ts';
import { sentMessageIdHeader } from '../../functions/shared/domain/conversation.ts';
import { ledgerEntry } from '../../functions/shared/domain/ledger.ts';
import { DEFAULT_REMINDER_PERIODS } from '../../functions/shared/domain/reminders.ts';
import { REMINDER_ID, sendReminders } from '../../functions/shared/pipeline/send-reminders.ts';
import { sha256 } from '../support/contexts.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { smtpTo, startReceivingInto } from '../support/local-receiving.ts';

let harness: IntakeHarness;
let receiving: SesReceiving;
const processed: DeliveryResult[] = [];
/** Each SQS event the local receiving delivered, by the SES message id it carries. */
const events = new Map<string, SQSEvent>();

const CLAIMS = `claims@${LOCAL_CLAIMS_DOMAIN}`;
const MARIE = 'Marie Dupont <marie.dupont@example.fr>';

beforeAll(async () => {
  harness = await startIntakeHarness();
  receiving = await startReceivingInto(harness, {
    deliver: async (event) => {
      const response: SQSBatchResponse = await harness.handler(event);
      const { Message } = JSON.parse(event.Records[0]?.body ?? '{}') as { Message: string };
      events.set((JSON.parse(Message) as { mail: { messageId: string } }).mail.messageId, event);
      return response;
    },
    onProcessed: (result) => void processed.push(result),
  });
}, 120_000);

afterAll(async () => {
  await receiving?.close();
  await harness?.stop();
});

/** Sends a message to the claims address over SMTP, as a member's mail server would, and returns the claim it joined or made. */
async function send(message: { subject: string; inReplyTo?: string; attachments?: { filename: string; content: Buffer }[]; date?: Date; from?: string }): Promise<{ sesMessageId: string; claim: ClaimRecord }> {
  const before = processed.length;
  const from = message.from ?? MARIE;
  await smtpTo(receiving).sendMail({
    envelope: { from: /<(.+)>/.exec(from)?.[1] ?? from, to: CLAIMS },
    from,
    to: CLAIMS,
    subject: message.subject,
    text: 'Bonjour, voici ma demande.',
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: [message.inReplyTo] } : {}),
    ...(message.date ? { date: message.date } : {}),
    attachments: message.attachments ?? [],
  });
  await receiving.idle();
  const result = processed[before];
  if (!result || processed.length !== before + 1) throw new Error('the message was not processed once');
  const claim = await harness.claims.findByMessageId(result.sesMessageId);
  if (!claim) throw new Error(`no claim for ${result.sesMessageId}`);
  return { sesMessageId: result.sesMessageId, claim };
}

/** The Message-ID SES gave the claim's message `id` of its ledger, as the member's mail client quotes it. */
function messageIdOf(claim: ClaimRecord, id: string): string {
  const sesId = ledgerEntry(claim, id)?.messageId;
  if (!sesId) throw new Error(`claim ${claim.reference} sent no ${id}`);
  return sentMessageIdHeader(sesId, 'eu-west-1');
}

const summary = (email: OutboxEmail) => ({ to: email.destination.to, subject: email.subject, attachments: email.attachments.map((attachment) => attachment.filename) });

describe('a conversation over the SES receiving path', () => {
  let reference: string;
  let requested: ClaimRecord;

  it('asks for the documents of a message that has none', async () => {
    const { claim } = await send({ subject: 'Remboursement consultation' });
    reference = claim.reference;
    requested = claim;
    expect(claim).toMatchObject({ status: 'NEEDS_INFO', memberId: '12345678' });
    const outbox = await harness.aws.outbox.list();
    expect(outbox.map(summary)).toEqual([
      { to: ['marie.dupont@example.fr'], subject: `Votre demande de remboursement [${reference}]\u00a0: justificatifs manquants`, attachments: [] },
    ]);
  });

  it('continues that claim with the reply that brings the invoice: one forward, one acknowledgement, no second claim', async () => {
    const invoice = await fixture('invoices/note-honoraires-paris.pdf');
    const { sesMessageId, claim } = await send({
      subject: `Re: Votre demande de remboursement [${reference}] : justificatifs manquants`,
      inReplyTo: messageIdOf(requested, 'reply'),
      attachments: [{ filename: 'note-honoraires-paris.pdf', content: invoice }],
    });

    expect(claim).toMatchObject({ reference, status: 'FORWARDED', outcome: 'FORWARDED', route: 'MAI', treatmentCountry: 'FR', memberId: '12345678' });
    expect(claim.documents.map((document) => [document.sha256, document.s3Key])).toEqual([[sha256(invoice), `documents/${reference}/${sesMessageId}/1-note-honoraires-paris.pdf`]]);
    expect(claim.conversation).toEqual([expect.objectContaining({ sesMessageId, joinedBy: 'header', from: 'member', outcome: 'information received', documents: 1 })]);
    expect(claim.statusHistory.map((change) => change.status)).toEqual(['RECEIVED', 'NEEDS_INFO', 'RECEIVED', 'FORWARDED']);
    const outbox = (await harness.aws.outbox.list()).slice(1);
    expect(outbox.map(summary)).toEqual([
      {
        to: ['contact@medical-administrators.com'],
        subject: `Demande [${reference}] – adhérent 12345678 – pays des soins\u00a0: FR / Claim [${reference}] – member 12345678 – treatment in FR`,
        attachments: ['note-honoraires-paris.pdf', `claim-${reference}.fhir.json`],
      },
      { to: ['marie.dupont@example.fr'], subject: `Votre demande de remboursement [${reference}] a bien été reçue`, attachments: [] },
    ]);
  });

  it('changes nothing when the same reply is delivered again', async () => {
    const reply = processed.at(-1);
    const event = reply && events.get(reply.sesMessageId);
    if (!reply || !event) throw new Error('no reply delivered');
    const before = await harness.claims.findByMessageId(reply.sesMessageId);
    const sent = (await harness.aws.outbox.list()).length;

    expect(await harness.handler(event)).toEqual({ batchItemFailures: [] });

    expect(await harness.claims.findByMessageId(reply.sesMessageId)).toEqual(before);
    expect(await harness.aws.outbox.list()).toHaveLength(sent);
  });

  it('forwards a page sent a day later to the same administrator as a follow-up, and nothing it already sent', async () => {
    const invoice = await fixture('invoices/note-honoraires-paris.pdf');
    const page = await fixture('invoices/receipt-no-location.pdf');
    const sent = (await harness.aws.outbox.list()).length;
    const { sesMessageId, claim } = await send({
      subject: `Page oubliée [${reference}]`,
      date: new Date(Date.now() + 24 * 60 * 60 * 1000),
      attachments: [
        { filename: 'note-honoraires-paris.pdf', content: invoice },
        { filename: 'receipt-no-location.pdf', content: page },
      ],
    });

    expect(claim).toMatchObject({ reference, status: 'FORWARDED', route: 'MAI' });
    expect(claim.conversation?.at(-1)).toEqual(
      expect.objectContaining({ sesMessageId, joinedBy: 'subject', from: 'member', outcome: '1 new document(s) forwarded as a follow-up' }),
    );
    expect(claim.statusHistory.at(-1)).toMatchObject({ status: 'FORWARDED', detail: 'follow-up to MAI' });
    expect((await harness.aws.outbox.list()).slice(sent).map(summary)).toEqual([
      {
        to: ['contact@medical-administrators.com'],
        subject: `Complément à la demande [${reference}] – adhérent 12345678 – nouveaux documents / Follow-up to claim [${reference}] – member 12345678 – new documents`,
        attachments: ['receipt-no-location.pdf', `claim-${reference}.fhir.json`],
      },
    ]);
  });
});

describe('the reminders against the emulators', () => {
  it('remind a claim waiting for information once, a week after the request, in the language of the request', async () => {
    const { claim } = await send({ subject: 'Claim for my visit', from: 'John Carter <john.carter@example.com>' });
    expect(claim).toMatchObject({ status: 'NEEDS_INFO', memberId: '20481632' });
    const requestedAt = Date.parse(claim.statusHistory.at(-1)?.at ?? '');
    const sent = (await harness.aws.outbox.list()).length;
    const run = () =>
      sendReminders({
        claims: harness.claims,
        waiting: harness.claims,
        mailer: new SesMailer(harness.clients.ses, CLAIMS),
        now: () => new Date(requestedAt + 8 * 24 * 60 * 60 * 1000),
        replyLimitPerDay: 5,
        periods: DEFAULT_REMINDER_PERIODS,
      });

    const first = await run();
    const second = await run();

    expect(first.reminded).toContain(claim.reference);
    expect(second.reminded).not.toContain(claim.reference);
    const reminders = (await harness.aws.outbox.list()).slice(sent).filter((email) => email.subject.includes(claim.reference));
    expect(reminders.map(summary)).toEqual([
      { to: ['john.carter@example.com'], subject: `Reminder: your claim [${claim.reference}] is waiting for information`, attachments: [] },
    ]);
    const reminded = await harness.claims.get(claim.reference);
    expect(reminded).toMatchObject({ status: 'NEEDS_INFO', sends: { [REMINDER_ID]: { kind: 'reply', state: 'sent', to: 'john.carter@example.com', language: 'en' } } });
  });
});
