import type { ClaimRecord } from '../domain/claim.ts';
import type { Member } from '../domain/types.ts';
import type { ClaimSummary } from '../templates/claim-summary.ts';

/** The recorded claim as the forward and the replies present it. */
export function summarizeClaim(claim: ClaimRecord, member: Member | undefined): ClaimSummary {
  return {
    reference: claim.reference,
    receivedAt: new Date(claim.receivedAt),
    channel: claim.channel,
    fax: claim.fax,
    member,
    treatmentCountry: claim.treatmentCountry ?? null,
    route: claim.route ?? null,
    reasons: claim.reasons,
    evidence: claim.evidence,
    documents: claim.documents,
    invoices: claim.invoices,
    duplicateOf: claim.duplicateOf,
  };
}
