import type { LocationEvidence } from '../types.ts';

/**
 * Evidence read in a document that does not read as an invoice, receipt or statement (an article
 * that cites a Dublin hospital, a brochure, a letter): it only tips the balance.
 */
export function outsideClaimDocuments(piece: LocationEvidence): LocationEvidence {
  return { ...piece, strength: 'weak', reason: `${piece.reason}, in a document that does not read as an invoice, receipt or statement` };
}
