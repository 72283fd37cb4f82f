import type { ParsedMail } from 'mailparser';
import { isPlainAddress } from '../adapters/mime/header-fields.ts';
import { senderAuthenticity, type SenderAuthenticity } from '../domain/sender-authenticity.ts';
import type { Verdicts } from '../domain/types.ts';

/** An address in a domain with a dot, so SES can reach it; the header writer's own check keeps out anything that could add a header. */
const SAFE_ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;

/**
 * The message's one `From` address, lower-case; empty when there is none, or several (one `From`
 * header naming one mailbox is what DMARC judges), or one no reply could be written to.
 */
export function usableSenderAddress(mail: ParsedMail): string {
  const fromHeaders = mail.headerLines.filter((header) => header.key === 'from');
  const mailboxes = mail.from?.value ?? [];
  const [mailbox] = mailboxes;
  if (fromHeaders.length !== 1 || mailboxes.length !== 1 || mailbox?.group) return '';
  const address = (mailbox?.address ?? '').trim().toLowerCase();
  return SAFE_ADDRESS.test(address) && isPlainAddress(address) ? address : '';
}

/**
 * Whether the message's `From` domain is authentic, from SES's verdicts and its
 * `Authentication-Results`: decided once, as the message is read, for every step that trusts
 * the sender (fax caller, member by address, decision, reply).
 */
export function authenticateSender(verdicts: Verdicts, mail: ParsedMail): Promise<SenderAuthenticity> {
  return senderAuthenticity({
    fromAddress: usableSenderAddress(mail),
    verdicts,
    authenticationResults: mail.headerLines
      .filter((header) => header.key === 'authentication-results')
      .map((header) => header.line.slice(header.line.indexOf(':') + 1)),
  });
}
