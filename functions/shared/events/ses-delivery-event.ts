import { z } from 'zod';
import { SafeToLogError } from '../log-safe-error.ts';
import type { DeliveryEvent } from '../domain/claim.ts';

/**
 * An SES event of a configuration set, published to SNS ("eventType"; older notifications say
 * "notificationType"). The tags are the ones the mailer set on the message.
 */
const sesEventSchema = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    mail: z.object({
      timestamp: z.string(),
      tags: z.record(z.string(), z.array(z.string())).default({}),
    }),
    bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), timestamp: z.string() }).optional(),
    complaint: z.object({ complaintFeedbackType: z.string().optional(), timestamp: z.string() }).optional(),
    delivery: z.object({ timestamp: z.string() }).optional(),
    reject: z.object({ reason: z.string().optional() }).optional(),
  })
  .transform((event) => ({ ...event, type: event.eventType ?? event.notificationType ?? '' }));

const snsEnvelopeSchema = z.object({ Type: z.literal('Notification'), Message: z.string() });

export interface ClaimDeliveryEvent {
  readonly reference: string;
  readonly event: DeliveryEvent;
}

export class InvalidDeliveryEventError extends SafeToLogError {
  override readonly name = 'InvalidDeliveryEventError';
}

/**
 * Reads an SQS body (SNS envelope around an SES event). Events of mail the intake did not tag
 * with a claim reference, and event types that say nothing about delivery, give undefined.
 */
export function parseQueuedDeliveryEvent(body: string): ClaimDeliveryEvent | undefined {
  const envelope = snsEnvelopeSchema.safeParse(parseJson(body));
  if (!envelope.success) throw new InvalidDeliveryEventError('SQS body is not an SNS notification');
  const parsed = sesEventSchema.safeParse(parseJson(envelope.data.Message));
  if (!parsed.success) throw new InvalidDeliveryEventError('SNS message is not an SES event');
  const event = parsed.data;
  const reference = event.mail.tags.claimReference?.[0];
  const kind = event.mail.tags.kind?.[0] ?? 'message';
  if (!reference) return undefined;
  switch (event.type) {
    case 'Bounce':
      return event.bounce && {
        reference,
        event: { type: 'BOUNCE', at: event.bounce.timestamp, detail: `${kind}: ${[event.bounce.bounceType, event.bounce.bounceSubType].filter(Boolean).join('/')}` },
      };
    case 'Complaint':
      return event.complaint && {
        reference,
        event: { type: 'COMPLAINT', at: event.complaint.timestamp, detail: `${kind}: ${event.complaint.complaintFeedbackType ?? 'complaint'}` },
      };
    case 'Delivery':
      return event.delivery && { reference, event: { type: 'DELIVERY', at: event.delivery.timestamp, detail: kind } };
    case 'Reject':
      return { reference, event: { type: 'REJECT', at: event.mail.timestamp, detail: `${kind}: ${event.reject?.reason ?? 'rejected'}` } };
    default:
      return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidDeliveryEventError('not JSON');
  }
}
