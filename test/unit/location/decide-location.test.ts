import { describe, expect, it } from 'vitest';
import { decideTreatmentLocation } from '../../../functions/shared/domain/location/index.ts';
import type { LocationEvidence } from '../../../functions/shared/domain/types.ts';

function piece(source: string, country: string, strength: LocationEvidence['strength'], reason: string): LocationEvidence {
  return { source, country, strength, reason };
}

describe('decideTreatmentLocation', () => {
  it('finds a source conflicting when the US and elsewhere are equally supported in it', () => {
    const evidence = [
      piece('scan.pdf', 'US', 'strong', 'US state and ZIP code MA 02115 (US)'),
      piece('scan.pdf', 'FR', 'strong', 'French postcode and town 75002 Paris (FR)'),
      piece('body', 'FR', 'medium', 'place name France (FR)'),
    ];

    expect(decideTreatmentLocation(evidence)).toEqual({
      country: null,
      route: null,
      evidence,
      reasons: [
        'conflicting evidence within scan.pdf (US and FR equally supported)',
        'scan.pdf: US state and ZIP code MA 02115 (US)',
        'scan.pdf: French postcode and town 75002 Paris (FR)',
        'body: place name France (FR)',
      ],
    });
  });

  it("lets a source's strong evidence outweigh its medium evidence of another country", () => {
    const evidence = [
      piece('bill.pdf', 'FR', 'medium', 'place name Paris (FR)'),
      piece('bill.pdf', 'US', 'strong', 'valid NPI 1765432103 (US)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({
      country: 'US',
      route: 'CIGNA_US',
      reasons: [
        'treatment location US, routed to CIGNA_US',
        'bill.pdf: valid NPI 1765432103 (US)',
        'also found, not retained: bill.pdf: place name Paris (FR)',
      ],
    });
  });

  it('routes to MAI when several countries other than the US appear, naming the best supported', () => {
    const evidence = [
      piece('a.pdf', 'KH', 'medium', 'place name Phnom Penh (KH)'),
      piece('b.pdf', 'TH', 'strong', 'VAT number TH0105536112014 (TH)'),
      piece('b.pdf', 'TH', 'medium', 'place name Bangkok (TH)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({
      country: 'TH',
      route: 'MAI',
      reasons: [
        'treatment location TH, routed to MAI',
        'b.pdf: VAT number TH0105536112014 (TH)',
        'b.pdf: place name Bangkok (TH)',
        'also found, not retained: a.pdf: place name Phnom Penh (KH)',
      ],
    });
  });

  it('breaks a tie between countries other than the US by the number of pieces that strong', () => {
    const evidence = [
      piece('a.pdf', 'BE', 'medium', 'place name Bruxelles (BE)'),
      piece('a.pdf', 'LU', 'medium', 'place name Luxembourg (LU)'),
      piece('a.pdf', 'LU', 'medium', 'phone number with country code +352 (LU)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({ country: 'LU', route: 'MAI' });
  });

  it('does not route to Cigna on medium US evidence alone', () => {
    const evidence = [piece('bill.pdf', 'US', 'medium', 'CPT/HCPCS procedure codes (3) (US)')];

    expect(decideTreatmentLocation(evidence)).toMatchObject({
      country: null,
      route: null,
      reasons: [
        'evidence of treatment in US is not strong enough to route without a check',
        'bill.pdf: CPT/HCPCS procedure codes (3) (US)',
      ],
    });
  });

  it('does not route on weak evidence, however many pieces agree', () => {
    const evidence = [
      piece('body', 'FR', 'weak', 'phone number in the French national layout (FR)'),
      piece('receipt.pdf', 'GB', 'weak', 'amounts in GBP (GB)'),
      piece('receipt.pdf', 'US', 'weak', 'amounts in USD (US)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({ country: null, route: null });
    expect(decideTreatmentLocation(evidence).reasons[0]).toBe('no evidence of where the treatment took place');
  });

  it('finds weak US evidence no conflict with a medium country elsewhere', () => {
    const evidence = [
      piece('invoice.pdf', 'US', 'weak', 'amounts in USD (US)'),
      piece('body', 'KH', 'medium', 'place name Cambodge (KH)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({ country: 'KH', route: 'MAI' });
  });

  it('does not route on calling codes alone, however many agree', () => {
    const evidence = [
      piece('body', 'MA', 'medium', 'phone number with country code +212 (MA)'),
      piece('fax.pdf', 'MA', 'medium', 'phone number with country code +212 (MA)'),
      piece('fax.pdf', 'FR', 'weak', 'phone number in the French national layout (FR)'),
    ];

    expect(decideTreatmentLocation(evidence)).toEqual({
      country: null,
      route: null,
      evidence,
      reasons: [
        "only a phone number's country code points to MA: a calling code alone does not tell where the treatment took place",
        'body: phone number with country code +212 (MA)',
        'fax.pdf: phone number with country code +212 (MA)',
        'fax.pdf: phone number in the French national layout (FR)',
      ],
    });
  });

  it('routes on a calling code beside a place of the same country', () => {
    const evidence = [
      piece('invoice.pdf', 'MA', 'medium', 'phone number with country code +212 (MA)'),
      piece('invoice.pdf', 'MA', 'medium', 'place name Casablanca (MA)'),
    ];

    expect(decideTreatmentLocation(evidence)).toMatchObject({ country: 'MA', route: 'MAI' });
  });

  it('decides nothing without evidence', () => {
    expect(decideTreatmentLocation([])).toEqual({
      country: null,
      route: null,
      evidence: [],
      reasons: ['no evidence of where the treatment took place'],
    });
  });
});

describe("decideTreatmentLocation by the provider's block", () => {
  const LYON_LETTERHEAD = [
    piece('facture.pdf', 'FR', 'strong', 'valid SIRET 81472305200019 (FR)'),
    piece('facture.pdf', 'FR', 'strong', 'French postcode and town 69006 Lyon (FR)'),
    piece('facture.pdf', 'FR', 'medium', 'place name Lyon (FR)'),
  ];
  const MEMBER_IN_DALLAS = [piece('facture.pdf', 'US', 'strong', 'US state and ZIP code TX 75201 (US)'), piece('facture.pdf', 'US', 'medium', 'place name Dallas (US)')];
  const block = (source: string, provider: string, evidence: readonly LocationEvidence[]) => ({ source, provider, evidence });

  it("decides a document by its provider's block over the other places printed on it, and says so", () => {
    const evidence = [...LYON_LETTERHEAD, ...MEMBER_IN_DALLAS];

    expect(decideTreatmentLocation(evidence, [block('facture.pdf', 'Clinique du Parc', LYON_LETTERHEAD)])).toEqual({
      country: 'FR',
      route: 'MAI',
      evidence,
      reasons: [
        'treatment location FR, routed to MAI',
        "the provider's address on facture.pdf (Clinique du Parc) is in FR; other addresses in it (US) are not where the treatment took place",
        'facture.pdf: valid SIRET 81472305200019 (FR)',
        'facture.pdf: French postcode and town 69006 Lyon (FR)',
        'facture.pdf: place name Lyon (FR)',
        'also found, not retained: facture.pdf: US state and ZIP code TX 75201 (US); facture.pdf: place name Dallas (US)',
      ],
    });
  });

  it('says nothing of weak evidence of elsewhere its provider\'s block outweighs: an amount in "$" never decided', () => {
    const letterhead = [piece('invoice.pdf', 'KH', 'medium', 'place name Phnom Penh (KH)'), piece('invoice.pdf', 'KH', 'medium', 'place name Cambodia (KH)')];
    const evidence = [...letterhead, piece('invoice.pdf', 'US', 'weak', 'amounts in USD (US)')];

    expect(decideTreatmentLocation(evidence, [block('invoice.pdf', 'Mekong International Clinic', letterhead)]).reasons).toEqual([
      'treatment location KH, routed to MAI',
      'invoice.pdf: place name Phnom Penh (KH)',
      'invoice.pdf: place name Cambodia (KH)',
      'also found, not retained: invoice.pdf: amounts in USD (US)',
    ]);
  });

  it('weighs the document whole when its provider\'s block names no place', () => {
    const evidence = [...LYON_LETTERHEAD, ...MEMBER_IN_DALLAS];

    expect(decideTreatmentLocation(evidence, [block('facture.pdf', 'Clinique du Parc', [])]).reasons[0]).toBe(
      'conflicting evidence within facture.pdf (US and FR equally supported)',
    );
  });

  it("does not let a calling code alone in the provider's block decide: the document is weighed whole", () => {
    const phone = piece('bill.pdf', 'MA', 'medium', 'phone number with country code +212 (MA)');
    const evidence = [phone, piece('bill.pdf', 'US', 'strong', 'US state and ZIP code TX 75201 (US)')];

    expect(decideTreatmentLocation(evidence, [block('bill.pdf', 'Clinique Anfa', [phone])])).toMatchObject({ country: 'US', route: 'CIGNA_US' });
  });

  it("leaves a provider's block that supports the US and elsewhere equally to a person", () => {
    const letterhead = [piece('bill.pdf', 'US', 'strong', 'US state and ZIP code NY 10001 (US)'), piece('bill.pdf', 'FR', 'strong', 'French postcode and town 75002 Paris (FR)')];

    expect(decideTreatmentLocation(letterhead, [block('bill.pdf', 'Atlantic Care', letterhead)])).toMatchObject({
      country: null,
      route: null,
      reasons: ['conflicting evidence within bill.pdf (US and FR equally supported)', ...letterhead.map(({ reason }) => `bill.pdf: ${reason}`)],
    });
  });

  it("reads a Geneva clinic's block with a French phone number by strength within the block", () => {
    const letterhead = [
      piece('facture.pdf', 'CH', 'medium', 'postcode with country letter CH-1205 Genève (CH)'),
      piece('facture.pdf', 'CH', 'medium', 'place name Geneva (CH)'),
      piece('facture.pdf', 'FR', 'medium', 'phone number with country code +33 (FR)'),
    ];
    const evidence = [...letterhead, piece('facture.pdf', 'FR', 'strong', 'French postcode and town 74100 Annemasse (FR)')];

    expect(decideTreatmentLocation(evidence, [block('facture.pdf', 'Clinique des Eaux-Vives', letterhead)])).toMatchObject({
      country: 'CH',
      route: 'MAI',
      reasons: [
        'treatment location CH, routed to MAI',
        "the provider's address on facture.pdf (Clinique des Eaux-Vives) is in CH; other addresses in it (FR) are not where the treatment took place",
        'facture.pdf: postcode with country letter CH-1205 Genève (CH)',
        'facture.pdf: place name Geneva (CH)',
        'also found, not retained: facture.pdf: phone number with country code +33 (FR); facture.pdf: French postcode and town 74100 Annemasse (FR)',
      ],
    });
  });

  it("sends two documents whose providers' blocks disagree to a person, naming both providers' places", () => {
    const boston = [piece('bill.pdf', 'US', 'strong', 'US state and ZIP code MA 02115 (US)'), piece('bill.pdf', 'US', 'strong', 'valid NPI 1648293052 (US)')];

    expect(
      decideTreatmentLocation([...LYON_LETTERHEAD, ...boston], [block('facture.pdf', 'Clinique du Parc', LYON_LETTERHEAD), block('bill.pdf', 'Back Bay Medical Center', boston)]).reasons.slice(0, 3),
    ).toEqual([
      'conflicting evidence: facture.pdf points to FR, bill.pdf points to US',
      "the provider's address on facture.pdf (Clinique du Parc) is in FR",
      "the provider's address on bill.pdf (Back Bay Medical Center) is in US",
    ]);
  });
});
