import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingMessage } from '../templates/outgoing-message.ts';

export interface Mailer {
  /** Sends the message and returns the provider's message id. */
  send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string>;
}

/** Builds MIME with nodemailer and sends it raw through SES v2 (raw messages up to 40 MB). */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSetName?: string,
  ) {}

  async send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    const raw = await buildRawMessage(message, this.from);
    const response = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to], CcAddresses: message.cc ? [...message.cc] : undefined },
        Content: { Raw: { Data: raw } },
        ConfigurationSetName: this.configurationSetName,
        EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    if (!response.MessageId) throw new Error('SES returned no message id');
    return response.MessageId;
  }
}

export function buildRawMessage(message: OutgoingMessage, from: string): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: message.to,
    cc: message.cc ? [...message.cc] : undefined,
    subject: message.subject,
    text: message.text,
    html: message.html,
    inReplyTo: message.inReplyTo,
    references: message.references ? [...message.references] : undefined,
    headers: message.autoSubmitted ? { 'Auto-Submitted': message.autoSubmitted } : undefined,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
    })),
  });
  return composer.compile().build();
}
