import type { LocationEvidence } from '../types.ts';
import { MAX_LABEL_CHARS } from './limits.ts';
import type { InvoiceProvider, ProviderIdentifier } from './types.ts';

/** Identifiers the place evidence found and checked: "valid SIRET 81472305200019 (FR)", "RPPS number 10103847264 (FR)". */
const IDENTIFIER_REASON = /^(?:valid )?(SIRET|SIREN|NPI|RPPS|ADELI|FINESS)(?: number)? ([0-9A-Z]+)/;

/** The provider identifiers among a document's place evidence. */
export function providerIdentifiers(evidence: readonly LocationEvidence[]): ProviderIdentifier[] {
  return evidence.flatMap(({ reason }) => {
    const [, scheme, value] = IDENTIFIER_REASON.exec(reason) ?? [];
    return scheme && value ? [{ scheme, value }] : [];
  });
}

/** A letterhead gives a way to reach its author; an addressee's block does not. */
const CONTACT = /\b(?:t[ée]l(?:[ée]phone)?|tel|phone|fax|điện thoại|ĐT)\b|\+\d/iu;
/** A street line: a number first ("12 rue...", "1150 Huntington Avenue", "No. 45, Street 294"). */
const STREET_LINE = /^(?:No\.?\s*)?\d+[a-zA-Z]?[\s,]+\p{L}/u;

/**
 * The provider, from the lines above the document's title: the letterhead's first line is its
 * name when the block carries a phone number. Otherwise the block may be the patient's or the
 * customer's address, and the provider is left out.
 */
export function readProvider(
  header: readonly string[],
  identifiers: readonly ProviderIdentifier[],
  provenance: { readonly page?: number; readonly confidence: number },
): InvoiceProvider | undefined {
  if (!header.some((line) => CONTACT.test(line))) return undefined;
  const nameIndex = header.findIndex((line) => /\p{L}{3}/u.test(line) && !/\d/.test(line));
  const name = header[nameIndex];
  if (nameIndex < 0 || name === undefined) return undefined;
  const address = header.slice(nameIndex + 1).find((line) => STREET_LINE.test(line));
  return {
    name: name.trim().slice(0, MAX_LABEL_CHARS),
    ...(address ? { address: address.trim().slice(0, MAX_LABEL_CHARS) } : {}),
    identifiers,
    ...provenance,
  };
}

const INVOICE_NUMBER =
  /(?:\b(?:invoice|facture|factura|rechnung|receipt|re[çc]u|recibo|factuur|note d['’]honoraires)\b\s*(?:(?:n[or°º]|num(?:ber|[ée]ro)?)\.?\s*|#\s*)?:?\s*|^(?:N°|Nº|No\.|#)\s*|\brechnungs?(?:nr\.?|nummer)\s*:?\s*|\bs[ốô] h[óo]a đơn\s*:?\s*)(?<number>[A-Z0-9][A-Z0-9/_.-]{2,30})/giu;

/** The invoice's number: after its label, with at least one digit. */
export function invoiceNumber(line: string): string | undefined {
  return [...line.matchAll(INVOICE_NUMBER)]
    .map((match) => match.groups?.number?.replace(/[.-]+$/, ''))
    .find((number) => number !== undefined && /\d/.test(number));
}
