import { simpleParser, type ParsedMail } from 'mailparser';

/** Parses raw MIME; mailparser tolerates broken messages, so this only fails on unreadable input. */
export function parseMessage(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
}

/** The address part of the first From mailbox, lower-cased; empty when there is none. */
export function senderAddress(mail: ParsedMail): string {
  return (mail.from?.value[0]?.address ?? '').trim().toLowerCase();
}
