import { BUILT_IN_FAX_GATEWAYS } from './built-in-gateways.ts';
import { configuredGateway, type FaxGatewayDefinition } from './configured-gateway.ts';
import type { FaxGateway } from './fax-gateway.ts';

/** The gateways the intake recognises: the configured ones first, as they may narrow a built-in format to one sender. */
export function knownFaxGateways(definitions: readonly FaxGatewayDefinition[]): FaxGateway[] {
  return [...definitions.map(configuredGateway), ...BUILT_IN_FAX_GATEWAYS];
}
