import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRawMessage, SesMailer } from '../../../functions/shared/adapters/ses-mailer.ts';
import type { OutgoingMessage } from '../../../functions/shared/templates/index.ts';
import { sha256 } from '../../support/contexts.ts';

const FROM = 'CFE Claims <claims@claims.example.org>';
const SUBJECT = 'Votre demande de remboursement CLM-2026-7K3F9Q a bien été reçue – 医療';
const invoice = readFileSync(path.resolve('..', 'shared', 'fixtures', 'invoices', 'invoice2data-free_fiber.pdf'));
const fax = readFileSync(path.resolve('..', 'shared', 'fixtures', 'fax', 'sharp-g31d-multipage.tif'));

const MESSAGE: OutgoingMessage = {
  to: 'marie.dupont@example.fr',
  subject: SUBJECT,
  text: 'Bonjour Marie Dupont,\nNous avons bien reçu votre demande.',
  html: '<p>Bonjour Marie Dupont,</p><p>Nous avons bien reçu votre demande.</p>',
  attachments: [
    { filename: 'facture été.pdf', content: invoice, contentType: 'application/pdf' },
    { filename: 'fax.tif', content: fax, contentType: 'image/tiff' },
  ],
  inReplyTo: '<m1@mail.example.fr>',
  references: ['<a@mail.example.fr>', '<m1@mail.example.fr>'],
  autoSubmitted: 'auto-replied',
};

const built = async (message: OutgoingMessage): Promise<{ raw: Buffer; mail: ParsedMail }> => {
  const raw = await buildRawMessage(message, FROM);
  return { raw, mail: await simpleParser(raw) };
};

/** The header block of a raw message, as written on the wire. */
const headerBlock = (raw: Buffer) => raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';

describe('buildRawMessage', () => {
  it('addresses the message from the sender address to the one recipient', async () => {
    const { mail } = await built(MESSAGE);
    expect(mail.from?.value).toEqual([{ address: 'claims@claims.example.org', name: 'CFE Claims' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'marie.dupont@example.fr', name: '' }] });
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
  });

  it('encodes a non-ASCII subject, which reads back unchanged', async () => {
    const { raw, mail } = await built(MESSAGE);
    expect(mail.subject).toBe(SUBJECT);
    expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(headerBlock(raw)).not.toMatch(/[^\x00-\x7f]/);
  });

  it('keeps the text and HTML bodies', async () => {
    const { mail } = await built(MESSAGE);
    expect(mail.text).toBe('Bonjour Marie Dupont,\nNous avons bien reçu votre demande.');
    expect(mail.html).toBe(MESSAGE.html);
  });

  it('marks an automatic reply and threads it after the member message', async () => {
    const { mail } = await built(MESSAGE);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.inReplyTo).toBe('<m1@mail.example.fr>');
    expect(mail.references).toEqual(['<a@mail.example.fr>', '<m1@mail.example.fr>']);
  });

  it('writes no Auto-Submitted, In-Reply-To or References header the message does not call for', async () => {
    const { autoSubmitted: _auto, inReplyTo: _inReplyTo, references: _references, ...plain } = MESSAGE;
    const { mail } = await built(plain);
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.headers.has('in-reply-to')).toBe(false);
    expect(mail.headers.has('references')).toBe(false);
  });

  it('attaches the documents byte for byte, with their names and types', async () => {
    const { mail } = await built(MESSAGE);
    expect(mail.attachments.map(({ filename, contentType, content }) => [filename, contentType, sha256(content)])).toEqual([
      ['facture été.pdf', 'application/pdf', sha256(invoice)],
      ['fax.tif', 'image/tiff', sha256(fax)],
    ]);
  });

  it('lets no line break in the subject add a header', async () => {
    const { raw, mail } = await built({ ...MESSAGE, subject: 'Claim CLM-2026-7K3F9Q\r\nBcc: attacker@evil.example\nX-Injected: yes' });
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(headerBlock(raw)).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.subject).toContain('CLM-2026-7K3F9Q');
  });
});

describe('SesMailer', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());

  it('sends the raw message through SES with the configuration set and tags, and returns its id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018e-ses-id' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), FROM, 'claims-intake');

    const messageId = await mailer.send(MESSAGE, { claimReference: 'CLM-2026-7K3F9Q', kind: 'acknowledged' });

    expect(messageId).toBe('0100018e-ses-id');
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ['marie.dupont@example.fr'] },
      ConfigurationSetName: 'claims-intake',
      EmailTags: [
        { Name: 'claimReference', Value: 'CLM-2026-7K3F9Q' },
        { Name: 'kind', Value: 'acknowledged' },
      ],
    });
    const sent = await simpleParser(Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()));
    expect(sent.subject).toBe(SUBJECT);
    expect(sent.attachments.map(({ content }) => sha256(content))).toEqual([sha256(invoice), sha256(fax)]);
  });

  it('fails when SES returns no message id', async () => {
    ses.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), FROM);
    await expect(mailer.send(MESSAGE, {})).rejects.toThrow('SES returned no message id');
  });
});
