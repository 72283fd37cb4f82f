import { buildRawMessage } from '../../functions/shared/adapters/mime/raw-message.ts';
import type { Mailer } from '../../functions/shared/adapters/ses-mailer.ts';
import type { OutgoingMessage } from '../../functions/shared/templates/outgoing-message.ts';

export interface ComposedMessage {
  readonly to: string;
  readonly kind: string | undefined;
  readonly attachments: number;
  /** Size of the MIME message that SES would have been given. */
  readonly rawBytes: number;
}

/**
 * Builds the raw MIME exactly as the SES mailer does, so composing the forward is measured, and
 * keeps what it would have sent instead of calling SES.
 */
export class ComposingMailer implements Mailer {
  readonly sent: ComposedMessage[] = [];

  constructor(private readonly from: string) {}

  async send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    const raw = buildRawMessage(message, { from: this.from, date: new Date() });
    this.sent.push({ to: message.to, kind: tags['kind'], attachments: message.attachments.length, rawBytes: raw.length });
    return `composed-${this.sent.length}`;
  }
}
