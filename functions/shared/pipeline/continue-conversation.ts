import type { ClaimContinuation, ClaimRecord, ConversationMessage, StatusChange } from '../domain/claim.ts';
import { SafeToLogError } from '../log-safe-error.ts';
import { required, type IntakeContext } from './context.ts';
import { forwardClaim, type ForwardDependencies } from './forward-claim.ts';
import { putDocuments, storedDocuments, withDuplicateCheck, type RecordDependencies } from './record-claim.ts';

export type ContinueDependencies = RecordDependencies & ForwardDependencies;

/** How many times a claim asks for what is missing (the request, then once more) before a person takes it. */
export const INFORMATION_REQUESTS = 2;

/** Another message changed the claim while this one was read: the next try reads it as it now is. */
export class ConversationChangedError extends SafeToLogError {
  override readonly name = 'ConversationChangedError';
}

interface Continued {
  /** What the message was, for the claim's conversation. */
  readonly outcome: string;
  readonly change?: ClaimContinuation;
}

/**
 * Records a message on the claim it joined (see joinConversation) and carries the claim on:
 * an automatic reply is only recorded; the administrator's answer sends the claim to a person;
 * a member's answer to a request for information continues the claim through the same steps as
 * a new one, under its reference. Recorded once: a redelivery only finishes what is missing.
 */
export async function continueConversation(context: IntakeContext, dependencies: ContinueDependencies): Promise<ClaimRecord> {
  const { claim, joinedBy, from } = required(context.conversation, 'the claim the message joined');
  const at = dependencies.now().toISOString();
  const documents = context.documents ?? [];
  const stored = storedDocuments(claim.reference, documents, `documents/${claim.reference}/${context.envelope.sesMessageId}`);
  const continued =
    from === 'automatic'
      ? { outcome: `not answered: ${context.screening?.outcome === 'IGNORED' ? context.screening.reason : 'automatic message'}` }
      : from === 'administrator'
        ? toPerson(claim, 'the administrator answered the forward: a person reads the answer', at, stored)
        : await memberContinuation(claim, context, stored, at, dependencies);
  const message: ConversationMessage = {
    sesMessageId: context.envelope.sesMessageId,
    receivedAt: context.envelope.receivedAt.toISOString(),
    rawMessage: dependencies.rawMessage,
    joinedBy,
    from,
    outcome: continued.outcome,
    documents: documents.length,
  };
  const result = await dependencies.claims.recordJoinedMessage(claim.reference, message, continued.change);
  if (result === 'claim-changed') throw new ConversationChangedError(`claim ${claim.reference} changed while a message joining it was read`);
  if (continued.change) await putDocuments(stored, documents, dependencies.store);
  const recorded = required(await dependencies.claims.get(claim.reference), 'the claim the message joined');
  return from === 'member' ? forwardClaim(recorded, context, dependencies) : recorded;
}

/** The claim goes to a person, with the message's documents beside the others. */
function toPerson(claim: ClaimRecord, reason: string, at: string, documents: ClaimContinuation['documents']): Continued {
  const statusChanges: StatusChange[] = claim.status === 'REVIEW' ? [] : [{ status: 'REVIEW', at, detail: reason }];
  return { outcome: reason, change: { ...unchanged(claim), status: 'REVIEW', outcome: 'REVIEW', reasons: [reason], statusChanges, documents } };
}

function unchanged(claim: ClaimRecord): ClaimContinuation {
  return { from: claim.status, status: claim.status, outcome: claim.outcome, reasons: [], statusChanges: [], documents: [], evidence: [], invoices: [], newDocumentHashes: [] };
}

/**
 * A member's message on a claim waiting for information is read as the answer: what the message
 * brings is decided as for a new claim (the same outcome, the same duplicate check). Still
 * missing, it is asked for once more, then a person takes the claim. On a claim in review it is
 * kept for the person.
 */
async function memberContinuation(
  claim: ClaimRecord,
  context: IntakeContext,
  documents: ClaimContinuation['documents'],
  at: string,
  dependencies: ContinueDependencies,
): Promise<Continued> {
  if (claim.status !== 'NEEDS_INFO') return toPerson(claim, 'the member wrote again while the claim was reviewed', at, documents);
  const member = context.identification?.member;
  if (claim.memberId && member && member.memberId !== claim.memberId) {
    return toPerson(claim, 'the answer to the request for information names another member', at, documents);
  }
  if (claim.documents.length > 0) {
    return toPerson(claim, 'the answer to the request for the member number came apart from the documents: a person forwards them together', at, documents);
  }
  const files = required(context.documents, 'the documents');
  const claimed = member ? await dependencies.claims.findClaimedDocuments(member.memberId, files.map((file) => file.sha256)) : new Map<string, string>();
  const outcome = withDuplicateCheck(required(context.outcome, 'the outcome'), files, claimed);
  const base = { ...unchanged(claim), documents, ...(member ? { memberId: member.memberId } : {}) };
  switch (outcome.status) {
    case 'FORWARDED': {
      const route = context.location?.route ?? undefined;
      const country = context.location?.country ?? undefined;
      return {
        outcome: 'information received',
        change: {
          ...base,
          status: 'RECEIVED',
          outcome: 'FORWARDED',
          ...(route ? { route } : {}),
          ...(country ? { treatmentCountry: country } : {}),
          reasons: outcome.reasons,
          statusChanges: [{ status: 'RECEIVED', at, detail: 'information received', step: 'information-received' }],
          evidence: context.location?.evidence ?? [],
          invoices: context.invoices ?? [],
          newDocumentHashes: files.map((file) => file.sha256).filter((sha256) => !claimed.has(sha256)),
        },
      };
    }
    case 'NEEDS_INFO': {
      const requests = claim.statusHistory.filter((change) => change.status === 'NEEDS_INFO').length;
      if (requests >= INFORMATION_REQUESTS) return toPerson(claim, `the information asked for ${requests} times has not come`, at, documents);
      const detail = 'information still missing: asked again';
      return { outcome: detail, change: { ...base, reasons: [detail], statusChanges: [{ status: 'NEEDS_INFO', at, detail }] } };
    }
    case 'DUPLICATE': {
      const detail = outcome.reasons.at(-1) ?? 'documents already received';
      return {
        outcome: detail,
        change: { ...base, status: 'DUPLICATE', outcome: 'DUPLICATE', ...(outcome.duplicateOf ? { duplicateOf: outcome.duplicateOf } : {}), reasons: [detail], statusChanges: [{ status: 'DUPLICATE', at, detail }] },
      };
    }
    default:
      return toPerson(claim, `the answer to the request for information: ${outcome.reasons.join('; ')}`, at, documents);
  }
}
