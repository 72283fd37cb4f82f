import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../functions/shared/domain/documents/pdf-text.ts';
import { collectLocationEvidence, decideTreatmentLocation } from '../../../functions/shared/domain/location/index.ts';

const INVOICES = new URL('../../fixtures/third-party/invoices/', import.meta.url);

/** The text layer as the intake reads it. */
async function invoiceText(name: string): Promise<string> {
  return extractPdfText(await readFile(new URL(`${name}.pdf`, INVOICES)));
}

interface ExpectedInvoiceFields {
  readonly country_code?: string;
  readonly vat?: string;
  readonly siren?: string | number;
}

/** The country the invoice2data project reads from the invoice: its country code, else its VAT prefix, else a SIREN's France. */
async function countryOfFixture(name: string): Promise<string | undefined> {
  const [fields] = JSON.parse(await readFile(new URL(`${name}.expected.json`, INVOICES), 'utf8')) as ExpectedInvoiceFields[];
  return fields?.country_code ?? fields?.vat?.slice(0, 2) ?? (fields?.siren === undefined ? undefined : 'FR');
}

async function decisionFor(name: string) {
  const source = `${name}.pdf`;
  return decideTreatmentLocation(collectLocationEvidence([{ source, text: await invoiceText(name) }]));
}

describe('treatment location of real invoices', () => {
  it('routes the French Free invoice (EUR, Paris CEDEX, French VAT) to MAI as FR', async () => {
    const decision = await decisionFor('invoice2data-free_fiber');

    expect(decision.country).toBe(await countryOfFixture('invoice2data-free_fiber'));
    expect(decision).toMatchObject({ country: 'FR', route: 'MAI' });
    expect(decision.reasons).toEqual([
      'treatment location FR, routed to MAI',
      'invoice2data-free_fiber.pdf: valid SIREN 421938861 (FR)',
      'invoice2data-free_fiber.pdf: French postcode and town 69100 Villeurbanne (FR)',
      'invoice2data-free_fiber.pdf: French postcode and town 75371 Paris CEDEX (FR)',
      'invoice2data-free_fiber.pdf: French postcode and town 75008 Paris (FR)',
      'invoice2data-free_fiber.pdf: VAT number FR60421938861 (FR)',
      'invoice2data-free_fiber.pdf: place name Villeurbanne (FR)',
      'invoice2data-free_fiber.pdf: place name Paris (FR)',
    ]);
  });

  it('routes the Azure Interior invoice (Fremont CA 94538, USD) to Cigna as US', async () => {
    const decision = await decisionFor('invoice2data-AzureInterior');

    expect(decision.country).toBe(await countryOfFixture('invoice2data-AzureInterior'));
    expect(decision).toMatchObject({ country: 'US', route: 'CIGNA_US' });
    expect(decision.evidence).toEqual([
      { country: 'US', strength: 'strong', reason: 'US state and ZIP code PA 18503 (US)', source: 'invoice2data-AzureInterior.pdf' },
      { country: 'US', strength: 'strong', reason: 'US state and ZIP code CA 94538 (US)', source: 'invoice2data-AzureInterior.pdf' },
      { country: 'US', strength: 'medium', reason: 'place name Scranton (US)', source: 'invoice2data-AzureInterior.pdf' },
      { country: 'US', strength: 'medium', reason: 'place name United States (US)', source: 'invoice2data-AzureInterior.pdf' },
      { country: 'US', strength: 'medium', reason: 'place name Fremont (US)', source: 'invoice2data-AzureInterior.pdf' },
    ]);
  });

  it('routes the Netpresse invoice (Luhn-valid SIRET, Villeurbanne and Boulogne addresses) to MAI as FR', async () => {
    // "92100 BOULOGNE" is not read: the commune of 92100 is Boulogne-Billancourt, as La Poste names it.
    const decision = await decisionFor('invoice2data-NetpresseInvoice');

    expect(decision.country).toBe(await countryOfFixture('invoice2data-NetpresseInvoice'));
    expect(decision).toMatchObject({ country: 'FR', route: 'MAI' });
    expect(decision.evidence.map(({ strength, reason }) => `${strength}: ${reason}`)).toEqual([
      'strong: valid SIRET 53084813400017 (FR)',
      'strong: French postcode and town 69100 Villeurbanne (FR)',
      'weak: phone number in the French national layout (FR)',
      'medium: place name Villeurbanne (FR)',
      'medium: place name Paris (FR)',
    ]);
  });

  it('routes the QualityHosting invoice to MAI as DE, its Hong Kong customer address mentioned but outweighed', async () => {
    const decision = await decisionFor('invoice2data-QualityHosting');

    expect(decision.country).toBe(await countryOfFixture('invoice2data-QualityHosting'));
    expect(decision).toMatchObject({ country: 'DE', route: 'MAI' });
    expect(decision.reasons).toEqual([
      'treatment location DE, routed to MAI',
      'invoice2data-QualityHosting.pdf: postcode with country letter D-63571 Gelnhausen (DE)',
      'invoice2data-QualityHosting.pdf: VAT number DE232446240 (DE)',
      'invoice2data-QualityHosting.pdf: phone number with country code +49 (DE)',
      'invoice2data-QualityHosting.pdf: place name Gelnhausen (DE)',
      'also found, not retained: invoice2data-QualityHosting.pdf: place name Hong Kong (HK)',
    ]);
  });

  it('routes the Coolblue invoice (Rotterdam, Dutch VAT beside its BTW label) to MAI as NL', async () => {
    const decision = await decisionFor('invoice2data-coolblue1');

    expect(decision.country).toBe(await countryOfFixture('invoice2data-coolblue1'));
    expect(decision).toMatchObject({ country: 'NL', route: 'MAI' });
    expect(decision.evidence.map(({ strength, reason }) => `${strength}: ${reason}`)).toEqual([
      'medium: Dutch postcode area 3012 Rotterdam (NL)',
      'medium: Dutch postcode area 1025 Amsterdam (NL)',
      'strong: VAT number NL810433941B01 (NL)',
      'medium: place name Rotterdam (NL)',
      'medium: place name Nederland (NL)',
      'medium: place name Amsterdam (NL)',
    ]);
  });

  it('finds a US invoice and a French invoice in the same claim conflicting', async () => {
    const evidence = collectLocationEvidence([
      { source: 'invoice2data-AzureInterior.pdf', text: await invoiceText('invoice2data-AzureInterior') },
      { source: 'invoice2data-free_fiber.pdf', text: await invoiceText('invoice2data-free_fiber') },
    ]);
    const decision = decideTreatmentLocation(evidence);

    expect(decision).toMatchObject({ country: null, route: null });
    expect(decision.reasons[0]).toBe(
      'conflicting evidence: invoice2data-AzureInterior.pdf points to US, invoice2data-free_fiber.pdf points to FR',
    );
  });
});
