import type { Deadline } from '../domain/deadline.ts';
import { DEFAULT_DOCUMENT_LIMITS, readBodyText, type DocumentDecoder } from '../domain/documents/index.ts';
import { textWasRead, type TextReading } from '../domain/documents/text-reading.ts';
import type { MessageReading } from './parse-message.ts';

/**
 * The body's text, read before any step reads it (fax recognition, the member-number search): a
 * body in HTML alone is read in the decoder process, within one document's time taken from the
 * claim's document reading time. A message that could not be read has no body.
 */
export async function readBody({ mail, unreadable }: MessageReading, decoder: DocumentDecoder, claim: Deadline, readingTime: Deadline): Promise<TextReading> {
  if (unreadable !== undefined) return textWasRead('');
  const body = await readBodyText(mail, decoder, readingTime.within(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerDocument));
  // Cut short by the claim's own time, not by the body: the next try reads it whole.
  if (!body.textRead) claim.throwIfPassed('reading the message body');
  return body;
}
