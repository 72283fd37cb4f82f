import type { Channel } from '../domain/types.ts';

/** A message is a fax when it was sent to the fax intake address. */
export function detectChannel(recipients: readonly string[], faxLocalPart: string): Channel {
  const fax = faxLocalPart.toLowerCase();
  return recipients.some((recipient) => recipient.split('@')[0]?.trim().toLowerCase() === fax) ? 'fax' : 'email';
}
