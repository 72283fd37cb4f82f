import { isProviderIdentifierEvidence, type InvoiceReading, type LetterheadLines } from '../domain/invoices/index.ts';
import { collectLocationEvidence, decideTreatmentLocation, outsideClaimDocuments, withoutMemberSignature, type ProviderPlace } from '../domain/location/index.ts';
import type { DocumentFile, LocationDecision, LocationEvidence, TextSource } from '../domain/types.ts';
import { required, type IntakeContext } from './context.ts';

/** The message texts' name for the body the member wrote (see readDocuments). */
const MEMBER_BODY = 'body';

/**
 * Weighs the evidence of where the treatment took place, as the texts give it: what the invoices
 * are read with. The documents speak first; the message is only heard when they say nothing, and
 * never its signature (the member's home address and phone).
 */
export function locateTreatment(context: IntakeContext): IntakeContext {
  return { ...context, location: decideFrom(collectLocationEvidence(documentTexts(context)), context) };
}

/**
 * Once the invoices are read, the place is decided again: an invoice's provider block (its
 * letterhead and identifiers) says where its treatment took place, over the member's address
 * printed elsewhere on it; evidence from a document that does not read as an invoice, receipt or
 * statement (an article, a brochure, an unknown file) only tips it.
 */
export function weighClaimDocuments(context: IntakeContext): IntakeContext {
  const location = required(context.location, 'the treatment location');
  const invoices = required(context.invoices, 'the invoices');
  const claimDocuments = new Set(invoices.map((invoice) => invoice.document));
  const documentNames = new Set(documentTexts(context).map(({ source }) => source));
  const documentEvidence = location.evidence
    .filter((piece) => documentNames.has(piece.source))
    .map((piece) => (claimDocuments.has(piece.source) ? piece : outsideClaimDocuments(piece)));
  const documents = required(context.documents, 'the documents');
  const places = invoices.flatMap((invoice) => {
    const document = documents.find(({ filename }) => filename === invoice.document);
    return document ? providerPlace(invoice, document, documentEvidence) : [];
  });
  return { ...context, location: decideFrom(documentEvidence, context, places) };
}

/**
 * The document's evidence found in its provider's block: in the letterhead's lines, where the
 * invoice reading found them, and the provider identifiers wherever they are printed.
 */
function providerPlace(invoice: InvoiceReading, document: DocumentFile, evidence: readonly LocationEvidence[]): ProviderPlace[] {
  const provider = invoice.provider;
  if (!provider) return [];
  const letterhead = provider.letterhead ? collectLocationEvidence([{ source: document.filename, text: letterheadText(document, provider.letterhead) }]) : [];
  const inLetterhead = new Set(letterhead.map(evidenceKey));
  const inBlock = evidence.filter((piece) => piece.source === document.filename && (inLetterhead.has(evidenceKey(piece)) || isProviderIdentifierEvidence(piece)));
  return inBlock.length > 0 ? [{ source: document.filename, provider: provider.name, evidence: inBlock }] : [];
}

/** The letterhead's lines, from the text the invoice was read in: its OCR page, or the document's text. */
function letterheadText(document: DocumentFile, letterhead: LetterheadLines): string {
  const text = letterhead.page === undefined ? document.text : (document.ocr?.pages.find(({ page }) => page === letterhead.page)?.text ?? '');
  return text
    .split('\n')
    .slice(letterhead.firstLine, letterhead.lastLine + 1)
    .join('\n');
}

function evidenceKey(piece: LocationEvidence): string {
  return `${piece.country}\n${piece.reason}`;
}

function documentTexts(context: IntakeContext): TextSource[] {
  return required(context.documents, 'the documents')
    .filter((document) => document.textRead)
    .map((document) => ({ source: document.filename, text: document.text }));
}

function decideFrom(documentEvidence: readonly LocationEvidence[], context: IntakeContext, providerPlaces: readonly ProviderPlace[] = []): LocationDecision {
  const evidence = documentEvidence.some((piece) => piece.strength !== 'weak')
    ? documentEvidence
    : [...documentEvidence, ...collectLocationEvidence(memberWords(context))];
  return decideTreatmentLocation(evidence, providerPlaces);
}

/** The body the member wrote is read without its signature; subject and forwarded messages as they are. */
function memberWords(context: IntakeContext): TextSource[] {
  return required(context.messageTexts, 'the message texts').map((text) =>
    text.source === MEMBER_BODY ? { ...text, text: withoutMemberSignature(text.text) } : text,
  );
}
