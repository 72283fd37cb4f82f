import { describe, expect, it } from 'vitest';
import type { InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import { buildFhirClaim, composeForward } from '../../../functions/shared/templates/index.ts';
import { expectClaimCodes, validateR4 } from '../../support/fhir-r4.ts';
import { claimInSpain, claimInUsa, REFERENCE } from './summaries.ts';

const NOTE_HONORAIRES: InvoiceReading = {
  document: 'note-honoraires.pdf',
  kind: 'invoice',
  provider: {
    name: 'Dr Claire Martin',
    identifiers: [
      { scheme: 'SIRET', value: '81472305200019' },
      { scheme: 'RPPS', value: '10103847264' },
    ],
    confidence: 0.9,
  },
  invoiceNumber: { value: '2026-0457', confidence: 0.9 },
  serviceDates: [{ date: '2026-11-21', confidence: 0.9 }],
  lines: [],
  total: { amount: '60.00', currency: 'EUR', confidence: 0.9 },
  paid: { amount: '60.00', currency: 'EUR', confidence: 0.9 },
  confidence: 0.9,
};

const ITEMIZED_BILL: InvoiceReading = {
  document: 'itemized-bill.pdf',
  kind: 'statement',
  provider: { name: 'Bay Medical Group', identifiers: [{ scheme: 'NPI', value: '1234567893' }], confidence: 0.9 },
  serviceDates: [
    { date: '2026-11-17', confidence: 0.9 },
    { date: '2026-11-18', confidence: 0.9 },
  ],
  lines: [
    { description: 'Office visit', date: '2026-11-17', amount: { amount: '0.10', currency: 'USD' } },
    { description: 'Lab panel', amount: { amount: '0.20', currency: 'USD' } },
    { description: 'X-ray', date: '2026-11-18', amount: { amount: '1200.35', currency: 'USD' } },
  ],
  total: { amount: '1200.65', currency: 'USD', confidence: 0.9 },
  confidence: 0.9,
};

const MEMBER_IDENTIFIER_TYPE = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB', display: 'Member Number' }],
  text: 'CFE / Cigna member number',
};
const NOT_CODED = { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown', display: 'Unknown' };
const CLAIM_CODES = {
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional', display: 'Professional' }] },
  use: 'claim',
};
const PRIORITY = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] };
const INSURANCE = [{ sequence: 1, focal: true, coverage: { reference: '#coverage' } }];

describe('the FHIR Claim of a French note d’honoraires sent to MAI', () => {
  const claim = buildFhirClaim(claimInSpain({ invoices: [NOTE_HONORAIRES] }));

  it('is the exact JSON: member by number, provider by SIRET and RPPS, one item for the total in EUR', () => {
    expect(JSON.parse(JSON.stringify(claim))).toEqual({
      resourceType: 'Claim',
      contained: [
        {
          resourceType: 'Patient',
          id: 'member',
          identifier: [{ type: MEMBER_IDENTIFIER_TYPE, value: '12345678', assigner: { display: 'CFE / Cigna' } }],
        },
        {
          resourceType: 'Organization',
          id: 'provider',
          name: 'Dr Claire Martin',
          identifier: [
            { type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'SIRET' }] }, value: '81472305200019' },
            { type: { text: 'RPPS' }, value: '10103847264' },
          ],
        },
        { resourceType: 'Organization', id: 'insurer', name: 'MEDICAL ADMINISTRATORS INTERNATIONAL' },
        {
          resourceType: 'Coverage',
          id: 'coverage',
          status: 'active',
          subscriberId: '12345678',
          beneficiary: { reference: '#member' },
          payor: [{ reference: '#insurer' }],
        },
      ],
      identifier: [{ value: REFERENCE }],
      ...CLAIM_CODES,
      patient: { reference: '#member' },
      created: '2026-03-15T13:30:00.000Z',
      insurer: { reference: '#insurer', display: 'MEDICAL ADMINISTRATORS INTERNATIONAL' },
      provider: { reference: '#provider', display: 'Dr Claire Martin' },
      priority: PRIORITY,
      insurance: INSURANCE,
      item: [
        {
          sequence: 1,
          productOrService: { coding: [NOT_CODED], text: 'note-honoraires.pdf' },
          servicedDate: '2026-11-21',
          net: { value: 60, currency: 'EUR' },
        },
      ],
      total: { value: 60, currency: 'EUR' },
    });
  });

  it('validates against the R4 definitions and carries the required codes', () => {
    expect(claim).toBeDefined();
    if (!claim) return;
    expect(() => validateR4(claim)).not.toThrow();
    expectClaimCodes(claim);
  });
});

describe('the FHIR Claim of a US itemized bill sent to Cigna', () => {
  const claim = buildFhirClaim(claimInUsa({ invoices: [ITEMIZED_BILL] }));

  it('has one item per line, dated by the line or the invoice, and totals the decimal strings exactly', () => {
    expect(claim?.provider).toEqual({ reference: '#provider', display: 'Bay Medical Group' });
    expect(claim?.contained?.[1]).toEqual({
      resourceType: 'Organization',
      id: 'provider',
      name: 'Bay Medical Group',
      identifier: [
        {
          system: 'http://hl7.org/fhir/sid/us-npi',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NPI' }] },
          value: '1234567893',
        },
      ],
    });
    expect(claim?.insurer).toEqual({ reference: '#insurer', display: 'Cigna Global Health Benefits' });
    expect(claim?.item).toEqual([
      { sequence: 1, productOrService: { coding: [NOT_CODED], text: 'Office visit' }, servicedDate: '2026-11-17', net: { value: 0.1, currency: 'USD' } },
      {
        sequence: 2,
        productOrService: { coding: [NOT_CODED], text: 'Lab panel' },
        servicedPeriod: { start: '2026-11-17', end: '2026-11-18' },
        net: { value: 0.2, currency: 'USD' },
      },
      { sequence: 3, productOrService: { coding: [NOT_CODED], text: 'X-ray' }, servicedDate: '2026-11-18', net: { value: 1200.35, currency: 'USD' } },
    ]);
    // 0.1 + 0.2 + 1200.35 in floating point is 1200.6499999999999.
    expect(JSON.stringify(claim?.total)).toBe('{"value":1200.65,"currency":"USD"}');
  });

  it('validates against the R4 definitions and carries the required codes', () => {
    expect(claim).toBeDefined();
    if (!claim) return;
    expect(() => validateR4(claim)).not.toThrow();
    expectClaimCodes(claim);
  });
});

describe('what the FHIR Claim leaves out', () => {
  it('gives no total when the items are in two currencies, and no provider it did not read', () => {
    const claim = buildFhirClaim(claimInSpain({ invoices: [{ ...NOTE_HONORAIRES, provider: undefined }, { ...ITEMIZED_BILL, provider: undefined }] }));
    expect(claim?.total).toBeUndefined();
    expect(claim?.provider).toEqual({ display: 'Provider not read' });
    expect(claim?.contained?.map((resource) => resource.id)).toEqual(['member', 'insurer', 'coverage']);
    expect(() => validateR4(claim)).not.toThrow();
  });

  it('is not built without an invoice read, a member or a route', () => {
    expect(buildFhirClaim(claimInSpain())).toBeUndefined();
    expect(buildFhirClaim(claimInSpain({ invoices: [] }))).toBeUndefined();
    expect(buildFhirClaim(claimInSpain({ invoices: [NOTE_HONORAIRES], member: undefined }))).toBeUndefined();
    expect(buildFhirClaim(claimInSpain({ invoices: [NOTE_HONORAIRES], route: null }))).toBeUndefined();
  });
});

describe('the validator', () => {
  it('rejects a broken Claim: no patient, a malformed service date, an unknown property', () => {
    const claim = buildFhirClaim(claimInSpain({ invoices: [NOTE_HONORAIRES] }));
    const { patient: _patient, ...withoutPatient } = claim ?? {};
    expect(() => validateR4(withoutPatient)).toThrow(/patient/i);
    expect(() => validateR4({ ...claim, item: [{ ...claim?.item?.[0], servicedDate: '21/11/2026' }] })).toThrow('Invalid date format (Claim.item[0].serviced[x])');
    expect(() => validateR4({ ...claim, amount: 60 })).toThrow(/amount/);
  });
});

describe('the forward with a FHIR Claim', () => {
  it('attaches claim-<reference>.fhir.json after the documents and says so in the cover', () => {
    const document = { filename: 'note-honoraires.pdf', content: Buffer.from('%PDF-1.7'), contentType: 'application/pdf' };
    const message = composeForward({ summary: claimInSpain({ invoices: [NOTE_HONORAIRES] }), to: 'contact@medical-administrators.com', attachments: [document] });
    expect(message.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ['note-honoraires.pdf', 'application/pdf'],
      [`claim-${REFERENCE}.fhir.json`, 'application/fhir+json'],
    ]);
    expect(JSON.parse(message.attachments[1]?.content.toString('utf8') ?? '')).toEqual(
      JSON.parse(JSON.stringify(buildFhirClaim(claimInSpain({ invoices: [NOTE_HONORAIRES] })))),
    );
    expect(message.text).toContain(`The invoices read are attached as a FHIR R4 Claim for your systems: claim-${REFERENCE}.fhir.json.`);
    expect(message.text).toContain(`Les factures lues sont jointes au format FHIR R4 (ressource Claim) pour vos systèmes${'\u00a0'}: claim-${REFERENCE}.fhir.json.`);
  });

  it('attaches nothing more when no invoice was read', () => {
    const message = composeForward({ summary: claimInSpain(), to: 'contact@medical-administrators.com', attachments: [] });
    expect(message.attachments).toEqual([]);
    expect(message.text).not.toContain('FHIR');
  });
});
