import type { Route } from './types.ts';

/** A phone or fax number as printed in the CFE member guide. */
export interface ContactNumber {
  readonly number: string;
  /** Free of charge from within the USA. */
  readonly tollFree: boolean;
}

/** A claims administrator: who pays the claims for treatment in its territory. */
export interface Administrator {
  readonly name: string;
  readonly postalAddress: readonly string[];
  readonly phones: readonly ContactNumber[];
  readonly faxes: readonly ContactNumber[];
  /** Address claims are forwarded to. */
  readonly email: string;
  /** Online claim tracking portal for members. */
  readonly trackingUrl: string;
}

/** Contacts from the CFE member guide ("Guide – MAI (CFE – Caisse des Français de l'Etranger)"). */
export const ADMINISTRATORS: Readonly<Record<Route, Administrator>> = {
  MAI: {
    name: 'MEDICAL ADMINISTRATORS INTERNATIONAL',
    postalAddress: ['37 Rue Anatole France', 'F-92300 Levallois-Perret', 'France'],
    phones: [{ number: '+33 1 42 68 01 42', tollFree: false }],
    faxes: [{ number: '+33 1 42 68 06 90', tollFree: false }],
    email: 'contact@medical-administrators.com',
    trackingUrl: 'http://expat.cigna.medical-administrators.com/fr',
  },
  CIGNA_US: {
    name: 'Cigna Global Health Benefits',
    postalAddress: ['PO Box 15050', 'Wilmington, DE 19850-5050', 'USA'],
    phones: [{ number: '+1 800 768 1725', tollFree: true }],
    faxes: [
      { number: '+1 800 243 6998', tollFree: true },
      { number: '+1 302 797 3150', tollFree: false },
    ],
    email: 'Ice.Team@Cigna.com',
    trackingUrl: 'https://www.cignaenvoy.com',
  },
};

export interface AssistanceLine {
  readonly phone: string;
  readonly faxes: readonly string[];
}

/** Cigna's 24/7 medical assistance, by where the member is. */
export const ASSISTANCE: Readonly<Record<'outsideUsa' | 'usa', AssistanceLine>> = {
  outsideUsa: { phone: '+44 (0)1475 492 197', faxes: ['+44 (0)1475 492 424'] },
  usa: { phone: '1 800 768 1725', faxes: ['1 800 243 6998', '1 302 797 3150'] },
};

/** Deployment settings that replace an administrator's default claims address or tracking portal. */
export interface AdministratorOverride {
  readonly claimsAddress?: string;
  readonly trackingUrl?: string;
  /** Email-to-fax gateway reaching the administrator's fax; copied on every forward when set. */
  readonly faxGatewayAddress?: string;
}

/** The overrides of every administrator, by route. */
export type AdministratorOverrides = Readonly<Partial<Record<Route, AdministratorOverride>>>;

export function administratorFor(route: Route, override: AdministratorOverride = {}): Administrator {
  const defaults = ADMINISTRATORS[route];
  return {
    ...defaults,
    email: override.claimsAddress ?? defaults.email,
    trackingUrl: override.trackingUrl ?? defaults.trackingUrl,
  };
}
