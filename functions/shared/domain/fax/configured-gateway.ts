import { fromDomain, type FaxGateway } from './fax-gateway.ts';

/** A gateway the deployment names in its configuration (FAX_GATEWAYS), rather than in code. */
export interface FaxGatewayDefinition {
  readonly name: string;
  /** Its sending address, or its domain (its subdomains included). */
  readonly sender: string;
  /** Regular expression its subjects match; named groups `caller`, `station`, `pages` capture the details. */
  readonly subjectPattern: string;
  /** Country calling code of the numbers it writes without one. */
  readonly callingCode?: string;
}

export function configuredGateway(definition: FaxGatewayDefinition): FaxGateway {
  const sender = definition.sender.trim().toLowerCase();
  return {
    name: definition.name,
    isSender: sender.includes('@') ? ({ address }) => address === sender : fromDomain(sender),
    subject: new RegExp(definition.subjectPattern, 'iu'),
    callingCode: definition.callingCode,
  };
}
