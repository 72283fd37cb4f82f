import type { LocationEvidence } from '../types.ts';
import { MAX_LABEL_CHARS } from './limits.ts';
import type { InvoiceProvider, LetterheadLines, ProviderIdentifier } from './types.ts';

/** Identifiers the place evidence found and checked: "valid SIRET 81472305200019 (FR)", "RPPS number 10103847264 (FR)". */
const IDENTIFIER_REASON = /^(?:valid )?(SIRET|SIREN|NPI|RPPS|ADELI|FINESS)(?: number)? ([0-9A-Z]+)/;

/** Whether a piece of place evidence is a provider's checked identifier: the provider's wherever it is printed. */
export function isProviderIdentifierEvidence(piece: LocationEvidence): boolean {
  return IDENTIFIER_REASON.test(piece.reason);
}

/** The provider identifiers among a document's place evidence. */
export function providerIdentifiers(evidence: readonly LocationEvidence[]): ProviderIdentifier[] {
  return evidence.flatMap(({ reason }) => {
    const [, scheme, value] = IDENTIFIER_REASON.exec(reason) ?? [];
    return scheme && value ? [{ scheme, value }] : [];
  });
}

/** A letterhead gives a way to reach its author; an addressee's block does not. */
const CONTACT = /\b(?:t[ée]l(?:[ée]phone)?|tel|phone|fax|điện thoại|ĐT)\b|\+\d/iu;
/** A provider identifier printed under its scheme's name ("SIRET : …", "NPI: …"): the letterhead's last lines, often. */
const IDENTIFIER_LINE = /\b(?:SIRET|SIREN|RPPS|ADELI|FINESS|NPI)\b/;
/** A street line: a number first ("12 rue...", "1150 Huntington Avenue", "No. 45, Street 294"). */
const STREET_LINE = /^(?:No\.?\s*)?\d+[a-zA-Z]?[\s,]+\p{L}/u;
/** The town line below a street line carries its postcode ("69006 Lyon", "Boston, MA 02115"). */
const HAS_DIGIT = /\d/;

/** A line of the text above the document's title, and where it is printed. */
export interface HeaderLine {
  readonly text: string;
  /** 0-based line of its page's text. */
  readonly index: number;
  readonly page?: number;
}

/**
 * The provider, from the lines above the document's title: the letterhead's first line is its
 * name when the block carries a phone number. Otherwise the block may be the patient's or the
 * customer's address, and the provider is left out.
 */
export function readProvider(
  header: readonly HeaderLine[],
  identifiers: readonly ProviderIdentifier[],
  provenance: { readonly page?: number; readonly confidence: number },
): InvoiceProvider | undefined {
  if (!header.some((line) => CONTACT.test(line.text))) return undefined;
  const nameIndex = header.findIndex(({ text }) => /\p{L}{3}/u.test(text) && !/\d/.test(text));
  const name = header[nameIndex];
  if (nameIndex < 0 || name === undefined) return undefined;
  const letterhead = header.slice(nameIndex).filter((line) => line.page === name.page);
  const address = letterhead.find((line) => STREET_LINE.test(line.text));
  return {
    name: name.text.trim().slice(0, MAX_LABEL_CHARS),
    ...(address ? { address: address.text.trim().slice(0, MAX_LABEL_CHARS) } : {}),
    identifiers,
    ...provenance,
    letterhead: letterheadLines(name, letterhead),
  };
}

/**
 * The letterhead's lines: from its name down to its street and town lines and its last phone or
 * identifier line. An addressee printed below them (the patient's home, unlabelled) is left out.
 */
function letterheadLines(name: HeaderLine, block: readonly HeaderLine[]): LetterheadLines {
  const street = block.findIndex((line) => STREET_LINE.test(line.text));
  const town = street >= 0 && HAS_DIGIT.test(block[street + 1]?.text ?? '') ? street + 1 : street;
  const lastContact = block.findLastIndex((line) => CONTACT.test(line.text) || IDENTIFIER_LINE.test(line.text));
  const last = block[Math.max(0, town, lastContact)] ?? name;
  return { ...(name.page ? { page: name.page } : {}), firstLine: name.index, lastLine: last.index };
}

const INVOICE_NUMBER =
  /(?:\b(?:invoice|facture|factura|rechnung|receipt|re[çc]u|recibo|factuur|note d['’]honoraires)\b\s*(?:(?:n[or°º]|num(?:ber|[ée]ro)?)\.?\s*|#\s*)?:?\s*|^(?:N°|Nº|No\.|#)\s*|\brechnungs?(?:nr\.?|nummer)\s*:?\s*|\bs[ốô] h[óo]a đơn\s*:?\s*)(?<number>[A-Z0-9][A-Z0-9/_.-]{2,30})/giu;

/** The invoice's number: after its label, with at least one digit. */
export function invoiceNumber(line: string): string | undefined {
  return [...line.matchAll(INVOICE_NUMBER)]
    .map((match) => match.groups?.number?.replace(/[.-]+$/, ''))
    .find((number) => number !== undefined && /\d/.test(number));
}
