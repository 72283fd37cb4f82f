import { randomBytes, randomUUID } from 'node:crypto';
import type { OutgoingAttachment, OutgoingMessage } from '../../templates/outgoing-message.ts';
import { base64LinesLength, writeBase64Lines } from './base64-lines.ts';
import { addressField, domainOf, mailbox, mediaType, messageIdsField, parameter, textField } from './header-fields.ts';
import { quotedPrintable } from './quoted-printable.ts';

export interface Envelope {
  /** `address@domain` or `Name <address@domain>`. */
  readonly from: string;
  readonly date: Date;
}

/** ASCII written as is, or a document written as base64 lines. */
type Segment = string | Uint8Array;

/** `=_` cannot occur in base64 nor in quoted-printable, so no encoded body can contain a boundary. */
const newBoundary = (kind: string) => `=_${kind}_${randomBytes(12).toString('hex')}`;

/** RFC 5322 date-time, e.g. "Mon, 30 Nov 2026 12:00:00 +0000". */
const rfc5322Date = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000');

function headerFields(message: OutgoingMessage, envelope: Envelope): string[] {
  return [
    `From: ${mailbox(envelope.from)}`,
    addressField('To', [message.to]),
    ...(message.cc && message.cc.length > 0 ? [addressField('Cc', message.cc)] : []),
    textField('Subject', message.subject),
    `Date: ${rfc5322Date(envelope.date)}`,
    `Message-ID: <${randomUUID()}@${domainOf(envelope.from)}>`,
    ...[messageIdsField('In-Reply-To', message.inReplyTo ? [message.inReplyTo] : []), messageIdsField('References', message.references ?? [])].filter(
      (field): field is string => field !== undefined,
    ),
    ...(message.autoSubmitted ? [`Auto-Submitted: ${message.autoSubmitted}`] : []),
    'MIME-Version: 1.0',
  ];
}

const textPart = (subtype: 'plain' | 'html', body: string): Segment[] => [
  `Content-Type: text/${subtype}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(body)}`,
];

function attachmentPart(attachment: OutgoingAttachment): Segment[] {
  return [
    [
      `Content-Type: ${mediaType(attachment.contentType)};\r\n ${parameter('name', attachment.filename)}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment;\r\n ${parameter('filename', attachment.filename)}`,
      '',
      '',
    ].join('\r\n'),
    attachment.content,
  ];
}

function multipart(subtype: 'mixed' | 'alternative', parts: readonly Segment[][]): Segment[] {
  const boundary = newBoundary(subtype);
  return [
    `Content-Type: multipart/${subtype};\r\n boundary="${boundary}"\r\n\r\n`,
    // Every part ends in CRLF, the line break the next delimiter line begins with (RFC 2046 §5.1.1).
    ...parts.flatMap((part) => [`--${boundary}\r\n`, ...part]),
    `--${boundary}--\r\n`,
  ];
}

const segmentLength = (segment: Segment) => (typeof segment === 'string' ? segment.length : base64LinesLength(segment.byteLength));

/**
 * The message as MIME, written into one buffer of its exact size: the forward of a 40 MB claim
 * is held once, not once per encoding stage.
 */
export function buildRawMessage(message: OutgoingMessage, envelope: Envelope): Buffer {
  const alternative = multipart('alternative', [textPart('plain', message.text), textPart('html', message.html)]);
  const body = message.attachments.length > 0 ? multipart('mixed', [alternative, ...message.attachments.map(attachmentPart)]) : alternative;
  const segments: Segment[] = [`${headerFields(message, envelope).join('\r\n')}\r\n`, ...body];
  const raw = Buffer.allocUnsafe(segments.reduce((total, segment) => total + segmentLength(segment), 0));
  let offset = 0;
  for (const segment of segments) {
    offset = typeof segment === 'string' ? offset + raw.write(segment, offset, 'latin1') : writeBase64Lines(segment, raw, offset);
  }
  return raw;
}
