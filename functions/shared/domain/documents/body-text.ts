import type { ParsedMail } from 'mailparser';
import type { Deadline } from '../deadline.ts';
import type { DocumentDecoder } from './document-decoder.ts';
import { textWasRead, type TextReading } from './text-reading.ts';

/**
 * The HTML of a body written in HTML alone, which only the decoder process reads: mailparser
 * parses with skipHtmlToText and leaves such a body's text empty. Undefined for a body with text.
 */
export function htmlOnlyBody(mail: ParsedMail): string | undefined {
  return (mail.text ?? '').trim() === '' && mail.html ? mail.html : undefined;
}

/**
 * The text of a message's body: its text parts as mailparser decoded them, or, for a body in HTML
 * alone, its HTML as the decoder process reads it within the deadline. An HTML body past a bound
 * is read as no text, with why.
 */
export function readBodyText(mail: ParsedMail, decoder: DocumentDecoder, deadline: Deadline): Promise<TextReading> {
  const html = htmlOnlyBody(mail);
  if (html === undefined) return Promise.resolve(textWasRead(mail.text ?? ''));
  return decoder.readText({ decoder: 'html-text', html }, deadline);
}
