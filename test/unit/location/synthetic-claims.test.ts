import { describe, expect, it } from 'vitest';
import { collectLocationEvidence, decideTreatmentLocation } from '../../../functions/shared/domain/location/index.ts';
import type { TextSource } from '../../../functions/shared/domain/types.ts';
import {
  AMOUNT_IN_USD_ONLY,
  CAMBODIAN_INVOICE,
  CANADIAN_INVOICE,
  FRENCH_FEE_NOTE,
  MEMBER_MESSAGE_WITHOUT_LOCATION,
  MESSAGE_QUOTING_CIGNA,
  MESSAGE_QUOTING_MAI,
  US_ITEMIZED_BILL,
} from './synthetic-claim-texts.ts';

function decide(...sources: TextSource[]) {
  return decideTreatmentLocation(collectLocationEvidence(sources));
}

describe('treatment location of claims', () => {
  it("routes a French doctor's fee note to MAI as FR", () => {
    const decision = decide({ source: 'note-honoraires.pdf', text: FRENCH_FEE_NOTE });

    expect(decision).toMatchObject({ country: 'FR', route: 'MAI' });
    expect(decision.reasons).toEqual([
      'treatment location FR, routed to MAI',
      'note-honoraires.pdf: valid SIRET 81234567600017 (FR)',
      'note-honoraires.pdf: RPPS number 10101234567 (FR)',
      'note-honoraires.pdf: French postcode and town 75002 Paris (FR)',
      'note-honoraires.pdf: phone number in the French national layout (FR)',
      'note-honoraires.pdf: place name Paris (FR)',
    ]);
  });

  it('routes a US itemized bill to Cigna as US, without printing its procedure codes', () => {
    const decision = decide({ source: 'bill.pdf', text: US_ITEMIZED_BILL });

    expect(decision).toMatchObject({ country: 'US', route: 'CIGNA_US' });
    expect(decision.reasons).toEqual([
      'treatment location US, routed to CIGNA_US',
      'bill.pdf: US state and ZIP code MA 02115 (US)',
      'bill.pdf: valid NPI 1765432103 (US)',
      'bill.pdf: CPT/HCPCS procedure codes (2) (US)',
      'bill.pdf: employer identification number (EIN) 04-3456789 (US)',
      'bill.pdf: phone number +1 with area code 617, US or elsewhere in North America (US)',
      'bill.pdf: place name Boston (US)',
      'bill.pdf: amounts in USD (US)',
    ]);
  });

  it('routes a Canadian invoice in "$" with a Montréal address to MAI as CA', () => {
    const decision = decide({ source: 'facture.pdf', text: CANADIAN_INVOICE });

    expect(decision).toMatchObject({ country: 'CA', route: 'MAI' });
    expect(decision.reasons).toEqual([
      'treatment location CA, routed to MAI',
      'facture.pdf: Canadian province and postal code area QC H3B (CA)',
      'facture.pdf: place name Montréal (CA)',
    ]);
  });

  it('routes a Cambodian clinic invoice billed in USD to MAI as KH, the dollars noted but not retained', () => {
    const decision = decide({ source: 'invoice.pdf', text: CAMBODIAN_INVOICE });

    expect(decision).toMatchObject({ country: 'KH', route: 'MAI' });
    expect(decision.reasons).toEqual([
      'treatment location KH, routed to MAI',
      'invoice.pdf: phone number with country code +855 (KH)',
      'invoice.pdf: place name Phnom Penh (KH)',
      'also found, not retained: invoice.pdf: amounts in USD (US)',
    ]);
  });

  it('leaves a claim with a US bill and a French fee note to a person', () => {
    const decision = decide(
      { source: 'body', text: MEMBER_MESSAGE_WITHOUT_LOCATION },
      { source: 'invoice-us.pdf', text: US_ITEMIZED_BILL },
      { source: 'note-fr.pdf', text: FRENCH_FEE_NOTE },
    );

    expect(decision).toMatchObject({ country: null, route: null });
    expect(decision.reasons[0]).toBe('conflicting evidence: invoice-us.pdf points to US, note-fr.pdf points to FR');
    expect(decision.evidence.map(({ source }) => source)).toEqual([
      ...Array<string>(7).fill('invoice-us.pdf'),
      ...Array<string>(5).fill('note-fr.pdf'),
    ]);
  });

  it('does not guess from a message that says nothing of where treatment took place', () => {
    expect(decide({ source: 'body', text: MEMBER_MESSAGE_WITHOUT_LOCATION })).toEqual({
      country: null,
      route: null,
      evidence: [],
      reasons: ['no evidence of where the treatment took place'],
    });
  });

  it('does not route on an amount in USD alone', () => {
    expect(decide({ source: 'body', text: AMOUNT_IN_USD_ONLY })).toEqual({
      country: null,
      route: null,
      evidence: [{ country: 'US', strength: 'weak', reason: 'amounts in USD (US)', source: 'body' }],
      reasons: ['no evidence of where the treatment took place', 'body: amounts in USD (US)'],
    });
  });

  it("takes neither MAI's address and phone nor Cigna's for where treatment took place", () => {
    expect(decide({ source: 'body', text: MESSAGE_QUOTING_MAI }, { source: 'subject', text: MESSAGE_QUOTING_CIGNA })).toEqual({
      country: null,
      route: null,
      evidence: [],
      reasons: ['no evidence of where the treatment took place'],
    });
  });

  it("still reads a real clinic's evidence beside MAI's quoted address", () => {
    const decision = decide({ source: 'body', text: `${MESSAGE_QUOTING_MAI}\n\n${CAMBODIAN_INVOICE}` });

    expect(decision).toMatchObject({ country: 'KH', route: 'MAI' });
    expect(decision.evidence.filter(({ country }) => country === 'FR')).toEqual([]);
  });
});
