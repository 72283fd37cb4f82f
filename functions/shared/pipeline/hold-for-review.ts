import { SES_MAX_MESSAGE_BYTES } from '../adapters/ses-mailer.ts';
import { required, type IntakeContext } from './context.ts';
import { forwardSizeBound } from './forward-claim.ts';

const BYTES_PER_MB = 1_000_000;

/**
 * What a person must see that the decision alone does not: a damaged file (the administrator
 * could not open it either), a fax from someone unknown, whose gateway cannot be asked for the
 * member number, and a claim SES could not send on: a message near SES's limit whose renditions,
 * or whose documents in base64, take its forward over.
 */
export function holdForReview(context: IntakeContext): IntakeContext {
  const outcome = required(context.outcome, 'the outcome');
  const damaged = (context.documents ?? []).filter((document) => document.damaged);
  const forwardBytes = outcome.status === 'FORWARDED' ? forwardSizeBound(context) : 0;
  const reasons = [
    ...damaged.map((document) => `${document.filename} is damaged: ${document.notReadReason}`),
    ...(context.channel === 'fax' && outcome.missing === 'member-number' ? ['a fax gateway cannot be asked for the member number'] : []),
    ...(forwardBytes > SES_MAX_MESSAGE_BYTES
      ? [`the forward would weigh up to ${(forwardBytes / BYTES_PER_MB).toFixed(1)} MB, over the ${SES_MAX_MESSAGE_BYTES / BYTES_PER_MB} MB SES sends`]
      : []),
  ];
  return reasons.length === 0 ? context : { ...context, outcome: { status: 'REVIEW', reasons: [...outcome.reasons, ...reasons] } };
}
