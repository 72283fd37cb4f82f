import { required, type IntakeContext, type Outcome } from './context.ts';

/** A claim is forwarded for what it asks to be paid: an article or an unreadable file alone is for a person to look at. */
const NOT_A_CLAIM = 'no document reads as a medical invoice, receipt or statement';

/** Turns what the earlier steps found into the claim's outcome; anything unclear goes to a person. */
export function decideOutcome(context: IntakeContext): IntakeContext {
  return { ...context, outcome: outcomeOf(context) };
}

function outcomeOf(context: IntakeContext): Outcome {
  const screening = required(context.screening, 'the screening');
  if (screening.outcome !== 'accept') return { status: screening.outcome, reasons: [screening.reason] };
  if (context.unreadable !== undefined) return { status: 'REVIEW', reasons: [`message could not be read: ${context.unreadable}`] };

  const identification = required(context.identification, 'the member');
  const documents = required(context.documents, 'the documents');
  const { member } = identification;
  if (identification.ambiguous) return { status: 'REVIEW', reasons: [...identification.reasons] };
  const sender = required(context.sender, "the sender's authenticity");
  if (!member) {
    return sender.authentic
      ? { status: 'NEEDS_INFO', missing: 'member-number', reasons: [...identification.reasons] }
      : { status: 'REVIEW', reasons: [...identification.reasons] };
  }
  if (!sender.authentic) {
    return { status: 'REVIEW', reasons: [...identification.reasons, `the sender is not authenticated (${sender.reason}): a member number alone does not forward a claim`] };
  }
  if (member.status !== 'active') {
    return { status: 'REVIEW', reasons: [...identification.reasons, `member status is ${member.status}`] };
  }
  if (documents.length === 0) {
    return { status: 'NEEDS_INFO', missing: 'documents', reasons: [...identification.reasons, 'no document attached'] };
  }
  const location = required(context.location, 'the treatment location');
  const reasons = [...identification.reasons, ...location.reasons];
  if (required(context.invoices, 'the invoices').length === 0) {
    return { status: 'REVIEW', reasons: [...identification.reasons, NOT_A_CLAIM, ...location.reasons] };
  }
  return location.route ? { status: 'FORWARDED', reasons } : { status: 'REVIEW', reasons };
}
