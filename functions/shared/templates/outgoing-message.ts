/** A message ready for the mail sender: composed, never sent, by the templates. */

export interface OutgoingAttachment {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType: string;
}

export interface OutgoingMessage {
  readonly to: string;
  /** Copies, e.g. the administrator's email-to-fax gateway. */
  readonly cc?: readonly string[];
  /** Never contains CR or LF. */
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly OutgoingAttachment[];
  /** The member's Message-ID, for replies. */
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly autoSubmitted?: 'auto-replied' | 'auto-generated';
}
