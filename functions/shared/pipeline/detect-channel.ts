import type { ParsedMail } from 'mailparser';
import { recogniseFax, type FaxGateway, type FaxRecognition } from '../domain/fax/index.ts';
import type { SenderAuthenticity } from '../domain/sender-authenticity.ts';
import type { MessageEnvelope } from './context.ts';
import { senderAddress } from './parse-message.ts';

export interface ChannelSettings {
  readonly faxLocalPart: string;
  /** Gateways recognised by their sender and format, configured ones first. */
  readonly faxGateways: readonly FaxGateway[];
}

/** Fax or email, and for a fax what its gateway says of it (caller, station, pages). */
export function detectChannel(
  envelope: MessageEnvelope,
  mail: ParsedMail,
  bodyText: string,
  sender: SenderAuthenticity,
  settings: ChannelSettings,
): FaxRecognition {
  return recogniseFax(
    {
      recipients: envelope.recipients,
      sender: { address: senderAddress(mail), name: mail.from?.value[0]?.name ?? '' },
      subject: (mail.subject ?? '').trim(),
      text: bodyText,
      authenticated: sender.authentic,
    },
    settings.faxGateways,
    settings.faxLocalPart,
  );
}
