import type { Mailer } from '../../functions/shared/adapters/ses-mailer.ts';
import type { OutgoingMessage } from '../../functions/shared/templates/index.ts';

export interface SentMail {
  readonly message: OutgoingMessage;
  readonly tags: Readonly<Record<string, string>>;
}

/** Keeps what would have been sent; message ids are numbered in order: <sent-1@mailer.test>, ... */
export class RecordingMailer implements Mailer {
  readonly sent: SentMail[] = [];

  async send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    this.sent.push({ message, tags });
    return `<sent-${this.sent.length}@mailer.test>`;
  }
}
