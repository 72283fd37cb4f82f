import { collectLocationEvidence, decideTreatmentLocation } from '../domain/location/index.ts';
import { required, type IntakeContext } from './context.ts';

/**
 * Weighs the evidence of where the treatment took place. The documents speak first: the message
 * text often carries the member's own signature (home address, phone), so it is only heard when
 * the documents say nothing.
 */
export function locateTreatment(context: IntakeContext): IntakeContext {
  const documentSources = required(context.documents, 'the documents')
    .filter((document) => document.textRead)
    .map((document) => ({ source: document.filename, text: document.text }));
  const documentEvidence = collectLocationEvidence(documentSources);
  const evidence = documentEvidence.some((piece) => piece.strength !== 'weak')
    ? documentEvidence
    : [...documentEvidence, ...collectLocationEvidence(required(context.messageTexts, 'the message texts'))];
  return { ...context, location: decideTreatmentLocation(evidence) };
}
