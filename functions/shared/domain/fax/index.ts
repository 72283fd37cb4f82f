export type { FaxDetails } from './fax-details.ts';
export type { FaxGateway } from './fax-gateway.ts';
export { knownFaxGateways } from './known-gateways.ts';
export { recogniseFax, type FaxRecognition } from './recognise-fax.ts';
