/** Where treatment took place, from the texts of a claim: the evidence, and the routing decision. */
export { collectLocationEvidence } from './collect-evidence.ts';
export { decideTreatmentLocation, type ProviderPlace } from './decide-location.ts';
export { outsideClaimDocuments } from './claim-documents.ts';
export { withoutMemberSignature } from './member-signature.ts';
