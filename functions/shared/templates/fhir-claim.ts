import type { Claim, ClaimItem, Coverage, Identifier, Money as FhirMoney, Organization, Patient, Period } from '@medplum/fhirtypes';
import { ADMINISTRATORS } from '../domain/administrators.ts';
import { isIsoCurrency, sumAmounts, type InvoiceReading, type Money, type ProviderIdentifier } from '../domain/invoices/index.ts';
import type { ClaimSummary } from './claim-summary.ts';
import type { OutgoingAttachment } from './outgoing-message.ts';

const CLAIM_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claim-type';
const PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/processpriority';
const IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const FR_CORE_IDENTIFIER_TYPE_SYSTEM = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
/** The service's own code (CPT, CCAM...) is not read: say so in HL7's code system for absent data rather than invent one. */
const SERVICE_NOT_CODED = { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown', display: 'Unknown' };

/** Identifier types as FHIR names them: a standard system where one exists, a typed code otherwise. */
const PROVIDER_IDENTIFIERS: Readonly<Record<string, Omit<Identifier, 'value'>>> = {
  NPI: { system: 'http://hl7.org/fhir/sid/us-npi', type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: 'NPI' }] } },
  SIRET: { type: { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code: 'SIRET' }] } },
  SIREN: { type: { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code: 'SIREN' }] } },
};

const FHIR_CLAIM_CONTENT_TYPE = 'application/fhir+json';

type CurrencyCode = NonNullable<FhirMoney['currency']>;
/** A code outside ISO 4217 is left out rather than sent unchecked. */
function isCurrencyCode(code: string | undefined): code is CurrencyCode {
  return code !== undefined && isIsoCurrency(code);
}

/**
 * A FHIR decimal (a JSON number) from a decimal string: parsed once and never computed on, so it
 * serialises as the printed value ("1200.35" as 1200.35, "60.00" as 60), without float drift.
 */
function fhirMoney({ amount, currency }: Money): FhirMoney {
  return { value: Number(amount), ...(isCurrencyCode(currency) ? { currency } : {}) };
}

function providerIdentifier({ scheme, value }: ProviderIdentifier): Identifier {
  return { ...(PROVIDER_IDENTIFIERS[scheme] ?? { type: { text: scheme } }), value };
}

/** One provider per claim: the first invoice's that was read; the Claim names none it did not read. */
function provider(invoices: readonly InvoiceReading[]): Organization | undefined {
  const read = invoices.find((invoice) => invoice.provider)?.provider;
  if (!read) return undefined;
  return {
    resourceType: 'Organization',
    id: 'provider',
    name: read.name,
    ...(read.identifiers.length ? { identifier: read.identifiers.map(providerIdentifier) } : {}),
  };
}

function servicedWhen(dates: readonly string[]): Pick<ClaimItem, 'servicedDate' | 'servicedPeriod'> {
  const sorted = [...dates].sort();
  const [start] = sorted;
  const end = sorted.at(-1);
  if (start === undefined || end === undefined) return {};
  if (start === end) return { servicedDate: start };
  const period: Period = { start, end };
  return { servicedPeriod: period };
}

interface ItemContent {
  readonly description: string;
  readonly dates: readonly string[];
  readonly net?: Money;
}

/** The printed lines when the layout gave them; otherwise the invoice as one item, for its total. */
function itemContents(invoice: InvoiceReading): ItemContent[] {
  const invoiceDates = invoice.serviceDates.map(({ date }) => date);
  if (invoice.lines.length > 0) {
    return invoice.lines.map((line) => ({
      description: line.description,
      dates: line.date ? [line.date] : invoiceDates,
      net: { amount: line.amount.amount, currency: line.amount.currency ?? invoice.total?.currency },
    }));
  }
  return [{ description: invoice.document, dates: invoiceDates, ...(invoice.total ? { net: invoice.total } : {}) }];
}

function item(content: ItemContent, index: number): ClaimItem {
  return {
    sequence: index + 1,
    productOrService: { coding: [SERVICE_NOT_CODED], text: content.description },
    ...servicedWhen(content.dates),
    ...(content.net ? { net: fhirMoney(content.net) } : {}),
  };
}

/** The claim's total, when every item has an amount in one and the same currency. */
function total(contents: readonly ItemContent[]): FhirMoney | undefined {
  const nets = contents.map((content) => content.net);
  const currencies = new Set(nets.map((net) => net?.currency));
  const [currency] = currencies;
  if (currencies.size !== 1 || currency === undefined || nets.some((net) => net === undefined)) return undefined;
  return fhirMoney({ amount: sumAmounts(nets.flatMap((net) => (net ? [net.amount] : []))), currency });
}

/**
 * The claim as a FHIR R4 Claim for the administrator's systems: the member by number only, the
 * provider and the administrator as contained resources, one item per line read (or per invoice).
 * Undefined when there is nothing a system could key in: no member, no administrator or no invoice.
 */
export function buildFhirClaim(summary: ClaimSummary): Claim | undefined {
  const { member, route, invoices } = summary;
  if (!member || !route || !invoices?.length) return undefined;
  const patient: Patient = {
    resourceType: 'Patient',
    id: 'member',
    identifier: [
      {
        type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: 'MB', display: 'Member Number' }], text: 'CFE / Cigna member number' },
        value: member.memberId,
        assigner: { display: 'CFE / Cigna' },
      },
    ],
  };
  const insurer: Organization = { resourceType: 'Organization', id: 'insurer', name: ADMINISTRATORS[route].name };
  const coverage: Coverage = {
    resourceType: 'Coverage',
    id: 'coverage',
    status: 'active',
    subscriberId: member.memberId,
    beneficiary: { reference: '#member' },
    payor: [{ reference: '#insurer' }],
  };
  const billing = provider(invoices);
  const contents = invoices.flatMap(itemContents);
  const claimTotal = total(contents);
  return {
    resourceType: 'Claim',
    contained: [patient, ...(billing ? [billing] : []), insurer, coverage],
    identifier: [{ value: summary.reference }],
    status: 'active',
    // Professional: members claim practitioners' fees and outpatient bills; the intake cannot tell a facility's bill apart.
    type: { coding: [{ system: CLAIM_TYPE_SYSTEM, code: 'professional', display: 'Professional' }] },
    use: 'claim',
    patient: { reference: '#member' },
    created: summary.receivedAt.toISOString(),
    insurer: { reference: '#insurer', display: insurer.name },
    provider: billing ? { reference: '#provider', display: billing.name } : { display: 'Provider not read' },
    priority: { coding: [{ system: PRIORITY_SYSTEM, code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { reference: '#coverage' } }],
    item: contents.map(item),
    ...(claimTotal ? { total: claimTotal } : {}),
  };
}

/** The FHIR Claim as the forward's attachment, or undefined when the claim has none. */
export function fhirClaimAttachment(summary: ClaimSummary): OutgoingAttachment | undefined {
  const claim = buildFhirClaim(summary);
  if (!claim) return undefined;
  return {
    filename: `claim-${summary.reference}.fhir.json`,
    content: Buffer.from(`${JSON.stringify(claim, null, 2)}\n`, 'utf8'),
    contentType: FHIR_CLAIM_CONTENT_TYPE,
  };
}
