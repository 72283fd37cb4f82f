import { describe, expect, it } from 'vitest';
import { administratorFor } from '../../../functions/shared/domain/administrators.ts';

describe('administratorFor', () => {
  it('gives the contacts of the CFE member guide by default', () => {
    expect(administratorFor('MAI')).toEqual({
      name: 'MEDICAL ADMINISTRATORS INTERNATIONAL',
      postalAddress: ['37 Rue Anatole France', 'F-92300 Levallois-Perret', 'France'],
      phones: [{ number: '+33 1 42 68 01 42', tollFree: false }],
      faxes: [{ number: '+33 1 42 68 06 90', tollFree: false }],
      email: 'contact@medical-administrators.com',
      trackingUrl: 'http://expat.cigna.medical-administrators.com/fr',
    });
    expect(administratorFor('CIGNA_US')).toEqual({
      name: 'Cigna Global Health Benefits',
      postalAddress: ['PO Box 15050', 'Wilmington, DE 19850-5050', 'USA'],
      phones: [{ number: '+1 800 768 1725', tollFree: true }],
      faxes: [
        { number: '+1 800 243 6998', tollFree: true },
        { number: '+1 302 797 3150', tollFree: false },
      ],
      email: 'Ice.Team@Cigna.com',
      trackingUrl: 'https://www.cignaenvoy.com',
    });
  });

  it('replaces only the claims address and the tracking portal that are configured', () => {
    const administrator = administratorFor('CIGNA_US', { claimsAddress: 'claims@cigna.example.net' });

    expect(administrator.email).toBe('claims@cigna.example.net');
    expect(administrator.trackingUrl).toBe('https://www.cignaenvoy.com');
    expect(administrator.name).toBe('Cigna Global Health Benefits');
    expect(administratorFor('MAI', { trackingUrl: 'https://tracking.example.net/fr' }).trackingUrl).toBe(
      'https://tracking.example.net/fr',
    );
  });
});
