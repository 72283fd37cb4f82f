import * as z from 'zod/mini';
import { SafeToLogError } from '../log-safe-error.ts';
import type { DeliveryEvent } from '../domain/claim.ts';
import { isSendId } from '../domain/ledger.ts';
import { jsonOf, snsMessageOf } from './sns-envelope.ts';

/**
 * An SES event of a configuration set, published to SNS ("eventType"; older notifications say
 * "notificationType"). The tags are the ones the mailer set on the message.
 */
const sesEventFields = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  mail: z.object({
    timestamp: z.string(),
    messageId: z.optional(z.string()),
    tags: z._default(z.record(z.string(), z.array(z.string())), {}),
  }),
  bounce: z.optional(z.object({ bounceType: z.string(), bounceSubType: z.optional(z.string()), timestamp: z.string() })),
  complaint: z.optional(z.object({ complaintFeedbackType: z.optional(z.string()), timestamp: z.string() })),
  delivery: z.optional(z.object({ timestamp: z.string() })),
  reject: z.optional(z.object({ reason: z.optional(z.string()) })),
});

/** The event, its type read from whichever of the two fields is set. */
const sesEventSchema = z.pipe(
  sesEventFields,
  z.transform((event: z.output<typeof sesEventFields>) => ({ ...event, type: event.eventType ?? event.notificationType ?? '' })),
);

export interface ClaimDeliveryEvent {
  readonly reference: string;
  readonly event: DeliveryEvent;
  /** Why the claim's forward will not reach the administrator, when it will not: bounced for good, or rejected. */
  readonly forwardUndelivered?: string;
}

export class InvalidDeliveryEventError extends SafeToLogError {
  override readonly name = 'InvalidDeliveryEventError';
}

/**
 * Reads an SQS body (SNS envelope around an SES event). Events of mail the intake did not tag
 * with a claim reference, and event types that say nothing about delivery, give undefined.
 */
export function parseQueuedDeliveryEvent(body: string): ClaimDeliveryEvent | undefined {
  const envelope = snsMessageOf(body);
  if ('problem' in envelope) throw new InvalidDeliveryEventError(envelope.problem);
  const parsed = sesEventSchema.safeParse(jsonOf(envelope.message)?.value);
  if (!parsed.success) throw new InvalidDeliveryEventError('SNS message is not an SES event');
  const event = parsed.data;
  const reference = event.mail.tags.claimReference?.[0];
  const kind = event.mail.tags.kind?.[0] ?? 'message';
  if (!reference) return undefined;
  const forward = kind === 'forward';
  const delivery = claimDeliveryEvent(event, reference, kind, forward);
  const send = sendOf(event.mail);
  return delivery && send ? { ...delivery, event: { ...delivery.event, send } } : delivery;
}

/** The ledger's message and attempt the event concerns, from the tags the mailer set and SES's message id. */
function sendOf(mail: { readonly messageId?: string; readonly tags: Readonly<Record<string, readonly string[]>> }): DeliveryEvent['send'] {
  const ledger = mail.tags.ledger?.[0];
  const attempt = Number(mail.tags.attempt?.[0]);
  if (ledger === undefined || !isSendId(ledger) || !Number.isInteger(attempt) || attempt < 1 || !mail.messageId) return undefined;
  return { id: ledger, attempt, messageId: mail.messageId };
}

function claimDeliveryEvent(
  event: z.output<typeof sesEventSchema>,
  reference: string,
  kind: string,
  forward: boolean,
): ClaimDeliveryEvent | undefined {
  switch (event.type) {
    case 'Send':
      return { reference, event: { type: 'SEND', at: event.mail.timestamp, detail: kind } };
    case 'Bounce': {
      if (!event.bounce) return undefined;
      const bounce = [event.bounce.bounceType, event.bounce.bounceSubType].filter(Boolean).join('/');
      return {
        reference,
        event: { type: 'BOUNCE', at: event.bounce.timestamp, detail: `${kind}: ${bounce}` },
        // A transient bounce is one SES is still retrying.
        ...(forward && event.bounce.bounceType === 'Permanent' ? { forwardUndelivered: `the forward bounced: ${bounce}` } : {}),
      };
    }
    case 'Complaint':
      return event.complaint && {
        reference,
        event: { type: 'COMPLAINT', at: event.complaint.timestamp, detail: `${kind}: ${event.complaint.complaintFeedbackType ?? 'complaint'}` },
      };
    case 'Delivery':
      return event.delivery && { reference, event: { type: 'DELIVERY', at: event.delivery.timestamp, detail: kind } };
    case 'Reject': {
      const reason = event.reject?.reason ?? 'rejected';
      return {
        reference,
        event: { type: 'REJECT', at: event.mail.timestamp, detail: `${kind}: ${reason}` },
        ...(forward ? { forwardUndelivered: `SES rejected the forward: ${reason}` } : {}),
      };
    }
    default:
      return undefined;
  }
}
