import type { ClaimSummary } from './claim-summary.ts';

/** Why a claim waits for a person, in terms a member can be told. */
export type ReviewReason = 'member-not-active' | 'several-countries' | 'country-unclear';

/** The reason a member can be given, or undefined when the review is for a reason of our own. */
export function reviewReasonOf(summary: ClaimSummary): ReviewReason | undefined {
  if (summary.member && summary.member.status !== 'active') return 'member-not-active';
  if (summary.route !== null) return undefined;
  const countries = new Set(summary.evidence.map((evidence) => evidence.country));
  return countries.size > 1 ? 'several-countries' : 'country-unclear';
}
