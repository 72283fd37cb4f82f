import { required, type IntakeContext } from './context.ts';

/**
 * What a person must see that the decision alone does not: a damaged file (the administrator
 * could not open it either), and a fax from someone unknown, whose gateway cannot be asked for
 * the member number.
 */
export function holdForReview(context: IntakeContext): IntakeContext {
  const outcome = required(context.outcome, 'the outcome');
  const damaged = (context.documents ?? []).filter((document) => document.damaged);
  const reasons = [
    ...damaged.map((document) => `${document.filename} is damaged: ${document.notReadReason}`),
    ...(context.channel === 'fax' && outcome.missing === 'member-number' ? ['a fax gateway cannot be asked for the member number'] : []),
  ];
  return reasons.length === 0 ? context : { ...context, outcome: { status: 'REVIEW', reasons: [...outcome.reasons, ...reasons] } };
}
