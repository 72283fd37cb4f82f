import { domainOfAddress } from '../address-domain.ts';

/** Who a message says it is from. */
export interface MessageSender {
  /** Lower-case address; empty when there is none. */
  readonly address: string;
  /** Display name; empty when there is none. */
  readonly name: string;
}

/**
 * A fax-to-email gateway: how to tell its messages and where it writes the fax's details. Named
 * groups `caller`, `station` and `pages` of the subject and body patterns capture those details.
 */
export interface FaxGateway {
  readonly name: string;
  readonly isSender: (sender: MessageSender) => boolean;
  readonly subject: RegExp;
  /** Text the gateway always writes in the body, when its sender alone cannot tell it. */
  readonly bodyMarker?: RegExp;
  /** Details written in the body rather than in the subject. */
  readonly body?: readonly RegExp[];
  /** Country calling code of the numbers it writes without one ("1" for a US service). */
  readonly callingCode?: string;
}

/** Sent from this domain or one of its subdomains. */
export function fromDomain(domain: string): (sender: MessageSender) => boolean {
  const suffix = domain.toLowerCase();
  return ({ address }) => {
    const host = domainOfAddress(address);
    return address.includes('@') && (host === suffix || host.endsWith(`.${suffix}`));
  };
}
