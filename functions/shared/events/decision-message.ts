import * as z from 'zod/mini';
import { CLAIM_REFERENCE_PATTERN } from '../domain/claim-reference.ts';
import { jsonOf } from './sns-envelope.ts';

/**
 * What the ops CLI puts on the intake queue once it has recorded a person's decision on a claim:
 * which claim. The decision itself is read from the claim, where the conditional write put it, so
 * a message sent twice or forged carries nothing out that nobody decided.
 */
const decisionMessageSchema = z.object({ carryOutDecision: z.object({ reference: z.string().check(z.regex(CLAIM_REFERENCE_PATTERN)) }) });

export function decisionMessageBody(reference: string): string {
  return JSON.stringify({ carryOutDecision: { reference } });
}

/** The claim whose decision the message asks to carry out; undefined for any other message (an SES receipt notification). */
export function parseDecisionMessage(body: string): { readonly reference: string } | undefined {
  const result = decisionMessageSchema.safeParse(jsonOf(body)?.value);
  return result.success ? result.data.carryOutDecision : undefined;
}
