import type { TextSource } from '../domain/types.ts';
import { required, type IntakeContext } from './context.ts';

/** "message body in HTML not read: decoding it passed its 10-second time limit". */
function unreadBodyReason({ source, notReadReason = '' }: TextSource): string {
  const body = source === 'body' ? 'message body' : `${source} body`;
  return `${body} in HTML not read: ${notReadReason.replace(/^not read: /, '')}`;
}

/**
 * Names, in the claim's reasons, each document whose decoder was stopped (past its time or memory
 * bound) or failed, and each body in HTML that was not read: it is forwarded unread (the body
 * stays in the raw message), and a person reading the claim sees which and why. The decision
 * stands: a claim never fails because of a document.
 */
export function noteUnreadDocuments(context: IntakeContext): IntakeContext {
  const outcome = required(context.outcome, 'the outcome');
  const stopped = (context.documents ?? []).filter((document) => document.decoderStopped);
  const unreadBodies = (context.messageTexts ?? []).filter((text) => text.notReadReason !== undefined);
  if (stopped.length === 0 && unreadBodies.length === 0) return context;
  const reasons = [...unreadBodies.map(unreadBodyReason), ...stopped.map((document) => `${document.filename} ${document.notReadReason ?? 'not read'}`)];
  return { ...context, outcome: { ...outcome, reasons: [...outcome.reasons, ...reasons] } };
}
