import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer/index.js';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import type { DocumentFile, Member, Verdicts } from '../../functions/shared/domain/types.ts';
import type { IntakeContext, MessageEnvelope } from '../../functions/shared/pipeline/context.ts';
import { authenticateSender } from '../../functions/shared/pipeline/authenticate-sender.ts';
import { parseMessage } from '../../functions/shared/pipeline/parse-message.ts';
import { textWasRead } from '../../functions/shared/domain/documents/text-reading.ts';

export const CLAIMS_ADDRESS = 'claims@claims.example.org';
export const RECEIVED_AT = new Date('2026-03-15T13:30:00.000Z');

export const PASSING_VERDICTS: Verdicts = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };
/** Neither SPF nor DKIM passed: the From address proves nothing. */
export const UNAUTHENTICATED_VERDICTS: Verdicts = { ...PASSING_VERDICTS, spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' };

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** The members of test/fixtures/members.csv, as the triage command loads them. */
export const SAMPLE_MEMBERS: readonly Member[] = parseMembersCsv(readFileSync(path.resolve('test/fixtures/members.csv'), 'utf8'));

export function sampleMember(memberId: string): Member {
  const member = SAMPLE_MEMBERS.find((candidate) => candidate.memberId === memberId);
  if (!member) throw new Error(`no sample member ${memberId} in test/fixtures/members.csv`);
  return member;
}

export function envelope(changes: Partial<MessageEnvelope> = {}): MessageEnvelope {
  return {
    sesMessageId: 'ses-message-0001',
    receivedAt: RECEIVED_AT,
    envelopeSender: 'marie.dupont@example.fr',
    recipients: [CLAIMS_ADDRESS],
    verdicts: PASSING_VERDICTS,
    ...changes,
  };
}

export function composeMail(options: MailComposerOptions): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/**
 * A message as the first steps leave it: parsed, its sender authenticated (from the envelope's
 * verdicts, unless a sender is given), accepted by the screening and read, with the subject and
 * body as its message texts and no document unless given.
 */
export async function contextFromRaw(raw: Buffer, changes: Partial<IntakeContext> = {}): Promise<IntakeContext> {
  const mail = await parseMessage(raw);
  const context: IntakeContext = {
    envelope: envelope(),
    mail,
    body: textWasRead(mail.text ?? ''),
    channel: 'email',
    screening: { outcome: 'accept' },
    documents: [],
    messageTexts: [
      { source: 'subject', text: mail.subject ?? '' },
      { source: 'body', text: mail.text ?? '' },
    ],
    ...changes,
  };
  return 'sender' in changes ? context : { ...context, sender: await authenticateSender(context.envelope.verdicts, mail) };
}

/** contextFromRaw of a small message from Marie Dupont, with the given parts instead. */
export async function intakeContext(message: MailComposerOptions = {}, changes: Partial<IntakeContext> = {}): Promise<IntakeContext> {
  const raw = await composeMail({
    from: 'Marie Dupont <marie.dupont@example.fr>',
    to: CLAIMS_ADDRESS,
    subject: 'Remboursement consultation',
    text: 'Bonjour, ci-joint ma facture.',
    ...message,
  });
  return contextFromRaw(raw, changes);
}

/** A document whose text was read (plain text unless other content is given). */
export function documentFile(filename: string, text: string, changes: Partial<DocumentFile> = {}): DocumentFile {
  const content = changes.content ?? Buffer.from(text, 'utf8');
  return {
    filename,
    declaredContentType: 'text/plain',
    type: 'text',
    size: content.length,
    sha256: sha256(content),
    content,
    text,
    textRead: true,
    ...changes,
  };
}
