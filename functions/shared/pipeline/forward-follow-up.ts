import type { ClaimRecord, StoredDocument } from '../domain/claim.ts';
import type { SendId } from '../domain/ledger.ts';
import { composeForward } from '../templates/index.ts';
import { required, type IntakeContext } from './context.ts';
import { administratorAddressing, forwardAttachments, type ForwardDependencies } from './forward-claim.ts';
import { sendOnce } from './send-once.ts';
import { summarizeClaim } from './summarize-claim.ts';

/**
 * New documents of a forwarded claim, sent to the same administrator as a follow-up of the same
 * reference: the cover lists only them, only they (and what was made from them) are attached;
 * once, under `id` (see sendOnce). Sent, the claim's history shows the follow-up.
 */
export async function forwardFollowUp(
  claim: ClaimRecord,
  context: IntakeContext,
  documents: readonly StoredDocument[],
  id: SendId,
  dependencies: ForwardDependencies,
): Promise<ClaimRecord> {
  const route = required(claim.route, 'the route');
  const { to, cc } = administratorAddressing(route, dependencies.administrators);
  const names = new Set(documents.map((document) => document.filename));
  const followUp: IntakeContext = { ...context, renditions: (context.renditions ?? []).filter((rendition) => names.has(rendition.of)) };
  const summary = { ...summarizeClaim(claim, context.identification?.member), documents, invoices: context.invoices };
  const compose = async () => composeForward({ summary, to, cc, attachments: forwardAttachments(followUp), followUp: true });
  const onSent = { status: 'FORWARDED', detail: `follow-up to ${route}` } as const;
  return sendOnce(claim, { id, kind: 'forward', messageKind: 'follow-up', to, ...(cc ? { cc } : {}), onSent, compose }, dependencies);
}
