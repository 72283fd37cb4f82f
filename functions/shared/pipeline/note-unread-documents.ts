import { required, type IntakeContext } from './context.ts';

/**
 * Names, in the claim's reasons, each document whose decoder was stopped (past its time or memory
 * bound) or failed: it is forwarded unread, and a person reading the claim sees which and why.
 * The decision stands: a claim never fails because of a document.
 */
export function noteUnreadDocuments(context: IntakeContext): IntakeContext {
  const outcome = required(context.outcome, 'the outcome');
  const stopped = (context.documents ?? []).filter((document) => document.decoderStopped);
  if (stopped.length === 0) return context;
  const reasons = stopped.map((document) => `${document.filename} ${document.notReadReason ?? 'not read'}`);
  return { ...context, outcome: { ...outcome, reasons: [...outcome.reasons, ...reasons] } };
}
