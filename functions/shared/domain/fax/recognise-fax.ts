import type { Channel } from '../types.ts';
import type { FaxDetails } from './fax-details.ts';
import { readFaxDetails } from './fax-details-reader.ts';
import type { FaxGateway, MessageSender } from './fax-gateway.ts';

export interface FaxCandidate {
  readonly recipients: readonly string[];
  readonly sender: MessageSender;
  readonly subject: string;
  readonly text: string;
  /** The sender's domain is who it says (DMARC, or an aligned pass where the domain has no policy). */
  readonly authenticated: boolean;
}

export interface FaxRecognition {
  readonly channel: Channel;
  /** Present when the channel is fax. */
  readonly fax?: FaxDetails;
}

function isInFormatOf(gateway: FaxGateway, message: FaxCandidate): boolean {
  return gateway.subject.test(message.subject) && (gateway.bodyMarker?.test(message.text) ?? true);
}

function isToFaxAddress(recipients: readonly string[], faxLocalPart: string): boolean {
  const fax = faxLocalPart.toLowerCase();
  return recipients.some((recipient) => recipient.split('@')[0]?.trim().toLowerCase() === fax);
}

/**
 * A message is a fax when it was sent to the fax address, or when an authenticated gateway sent
 * it in its format; an unauthenticated one could be anybody writing a gateway's subject. A fax
 * sent to the fax address is read in whichever gateway's format it is written.
 */
export function recogniseFax(message: FaxCandidate, gateways: readonly FaxGateway[], faxLocalPart: string): FaxRecognition {
  const inFormat = gateways.filter((gateway) => isInFormatOf(gateway, message));
  const gateway = inFormat.find((candidate) => candidate.isSender(message.sender));
  if (gateway && message.authenticated) return { channel: 'fax', fax: readFaxDetails(message.subject, message.text, gateway) };
  if (isToFaxAddress(message.recipients, faxLocalPart)) {
    return { channel: 'fax', fax: readFaxDetails(message.subject, message.text, gateway ?? inFormat[0]) };
  }
  return { channel: 'email' };
}
