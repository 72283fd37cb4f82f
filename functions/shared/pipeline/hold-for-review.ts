import { SES_MAX_MESSAGE_BYTES, SES_MEGABYTE, sesRefusedExtension } from '../adapters/ses-mailer.ts';
import { required, type IntakeContext } from './context.ts';
import { forwardAttachments, forwardSizeBound } from './forward-claim.ts';

/**
 * Why SES would refuse the claim's forward, whatever the number of tries: documents that take it
 * over SES's limit once in base64 (a message near the limit SES receives, or one whose senders
 * encoded it more tightly), and files of a type SES never carries.
 */
function unsendableForward(context: IntakeContext): string[] {
  const forwardBytes = forwardSizeBound(context);
  return [
    ...(forwardBytes > SES_MAX_MESSAGE_BYTES
      ? [`the forward would weigh up to ${(forwardBytes / SES_MEGABYTE).toFixed(1)} MB, over the ${SES_MAX_MESSAGE_BYTES / SES_MEGABYTE} MB SES sends`]
      : []),
    ...forwardAttachments(context).flatMap(({ filename }) => {
      const extension = sesRefusedExtension(filename);
      return extension === undefined ? [] : [`SES does not send .${extension} files such as ${filename}`];
    }),
  ];
}

/**
 * What a person must see that the decision alone does not: a damaged file (the administrator
 * could not open it either), a file sent in a part that broke MIME's rules, a fax from someone
 * unknown, whose gateway cannot be asked for the member number, and a claim to forward that SES would not send on.
 */
export function holdForReview(context: IntakeContext): IntakeContext {
  const outcome = required(context.outcome, 'the outcome');
  const damaged = (context.documents ?? []).filter((document) => document.damaged);
  const reasons = [
    ...damaged.map((document) => `${document.filename} is damaged: ${document.notReadReason}`),
    ...(context.documents ?? []).flatMap((document) => (document.irregular ? [`${document.filename} was ${document.irregular}`] : [])),
    ...(context.channel === 'fax' && outcome.missing === 'member-number' ? ['a fax gateway cannot be asked for the member number'] : []),
    ...(outcome.status === 'FORWARDED' ? unsendableForward(context) : []),
  ];
  return reasons.length === 0 ? context : { ...context, outcome: { status: 'REVIEW', reasons: [...outcome.reasons, ...reasons] } };
}
