import { collectLocationEvidence, decideTreatmentLocation, outsideClaimDocuments, withoutMemberSignature } from '../domain/location/index.ts';
import type { LocationDecision, LocationEvidence, TextSource } from '../domain/types.ts';
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
 * Once the invoices are read, the place is decided again: evidence from a document that does not
 * read as an invoice, receipt or statement (an article, a brochure, an unknown file) only tips it.
 */
export function weighClaimDocuments(context: IntakeContext): IntakeContext {
  const location = required(context.location, 'the treatment location');
  const claimDocuments = new Set(required(context.invoices, 'the invoices').map((invoice) => invoice.document));
  const documentNames = new Set(documentTexts(context).map(({ source }) => source));
  const documentEvidence = location.evidence
    .filter((piece) => documentNames.has(piece.source))
    .map((piece) => (claimDocuments.has(piece.source) ? piece : outsideClaimDocuments(piece)));
  return { ...context, location: decideFrom(documentEvidence, context) };
}

function documentTexts(context: IntakeContext): TextSource[] {
  return required(context.documents, 'the documents')
    .filter((document) => document.textRead)
    .map((document) => ({ source: document.filename, text: document.text }));
}

function decideFrom(documentEvidence: readonly LocationEvidence[], context: IntakeContext): LocationDecision {
  const evidence = documentEvidence.some((piece) => piece.strength !== 'weak')
    ? documentEvidence
    : [...documentEvidence, ...collectLocationEvidence(memberWords(context))];
  return decideTreatmentLocation(evidence);
}

/** The body the member wrote is read without its signature; subject and forwarded messages as they are. */
function memberWords(context: IntakeContext): TextSource[] {
  return required(context.messageTexts, 'the message texts').map((text) =>
    text.source === MEMBER_BODY ? { ...text, text: withoutMemberSignature(text.text) } : text,
  );
}
