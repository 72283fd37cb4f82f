import * as z from 'zod/mini';

/** The SNS envelope SQS delivers a topic's message in, when raw message delivery is off. */
const snsNotificationSchema = z.object({ Type: z.literal('Notification'), Message: z.string() });

/** A text's JSON value, or undefined when the text is not JSON. */
export function jsonOf(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Which fields were wrong, never their values: a notification carries addresses. */
export function issuePaths(error: z.core.$ZodError): string {
  return error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
}

/**
 * The message an SQS body carries in its SNS envelope, or what is wrong with the body: said
 * without its content, which may carry addresses.
 */
export function snsMessageOf(body: string): { readonly message: string } | { readonly problem: string } {
  const json = jsonOf(body);
  if (json === undefined) return { problem: 'not JSON' };
  const envelope = snsNotificationSchema.safeParse(json.value);
  return envelope.success ? { message: envelope.data.Message } : { problem: `SQS body is not an SNS notification (${issuePaths(envelope.error)})` };
}
