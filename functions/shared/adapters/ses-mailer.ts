import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingMessage } from '../templates/outgoing-message.ts';
import { buildRawMessage } from './mime/raw-message.ts';

export interface Mailer {
  /** Sends the message and returns the provider's message id. */
  send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string>;
}

/**
 * SES v2 sends raw messages of up to 40 MB, headers and base64 included. Read as decimal
 * megabytes, the stricter of the two readings: a message between them is not worth a refusal.
 */
export const SES_MAX_MESSAGE_BYTES = 40_000_000;

/** Sends the message as raw MIME through SES v2 (raw messages up to SES_MAX_MESSAGE_BYTES). */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSetName?: string,
  ) {}

  async send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    const response = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to], CcAddresses: message.cc ? [...message.cc] : undefined },
        Content: { Raw: { Data: buildRawMessage(message, { from: this.from, date: new Date() }) } },
        ConfigurationSetName: this.configurationSetName,
        EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    if (!response.MessageId) throw new Error('SES returned no message id');
    return response.MessageId;
  }
}
