import type { ClaimContinuation, ClaimRecord, ConversationMessage, StatusChange } from '../domain/claim.ts';
import type { DocumentFile } from '../domain/types.ts';
import { SafeToLogError } from '../log-safe-error.ts';
import { acknowledgeMember, type AcknowledgeDependencies } from './acknowledge-member.ts';
import { required, type IntakeContext } from './context.ts';
import { forwardClaim, type ForwardDependencies } from './forward-claim.ts';
import { forwardFollowUp } from './forward-follow-up.ts';
import { putDocuments, storedDocuments, withDuplicateCheck, type RecordDependencies } from './record-claim.ts';

export type ContinueDependencies = RecordDependencies & ForwardDependencies & AcknowledgeDependencies;

/** How many times a claim asks for what is missing (the request, then once more) before a person takes it. */
const INFORMATION_REQUESTS = 2;

/** Another message changed the claim while this one was read: the next try reads it as it now is. */
export class ConversationChangedError extends SafeToLogError {
  override readonly name = 'ConversationChangedError';
}

interface Continued {
  /** What the message was, for the claim's conversation. */
  readonly outcome: string;
  readonly change?: ClaimContinuation;
  readonly answered?: boolean;
  readonly followUp?: readonly string[];
}

/**
 * Records a message on the claim it joined (see joinConversation) and carries the claim on:
 * an automatic reply is only recorded; the administrator's answer sends the claim to a person;
 * a member's answer to a request for information continues the claim through the same steps as
 * a new one, under its reference, with one reply; a member's new documents for a forwarded claim
 * go to its administrator as a follow-up. Recorded once: a redelivery only finishes what is missing.
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
    ...(continued.answered ? { answered: true } : {}),
    ...(continued.followUp ? { followUp: continued.followUp } : {}),
  };
  const result = await dependencies.claims.recordJoinedMessage(claim.reference, message, continued.change);
  if (result === 'claim-changed') throw new ConversationChangedError(`claim ${claim.reference} changed while a message joining it was read`);
  if (continued.change) await putDocuments(stored, documents, dependencies.store);
  return sendWhatItCalledFor(required(await dependencies.claims.get(claim.reference), 'the claim the message joined'), context, dependencies);
}

/**
 * Sends what the message's recorded entry says it called for, under ids its place in the
 * conversation names: a redelivery finds the same entry and finishes what is missing.
 */
async function sendWhatItCalledFor(claim: ClaimRecord, context: IntakeContext, dependencies: ContinueDependencies): Promise<ClaimRecord> {
  const conversation = claim.conversation ?? [];
  const position = conversation.findIndex((joined) => joined.sesMessageId === context.envelope.sesMessageId) + 1;
  const message = conversation[position - 1];
  if (message?.followUp) {
    const hashes = new Set(message.followUp);
    const documents = (context.documents ?? []).filter((file) => hashes.has(file.sha256));
    const stored = claim.documents.filter((document) => hashes.has(document.sha256));
    return forwardFollowUp(claim, { ...context, documents }, stored, `forward-follow-up-${position}`, dependencies);
  }
  if (!message?.answered) return claim;
  return acknowledgeMember(await forwardClaim(claim, context, dependencies), context, dependencies, `reply-to-message-${position}`);
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
  if (claim.status === 'REVIEW') return toPerson(claim, 'the member wrote again while the claim was reviewed', at, documents);
  const member = context.identification?.member;
  if (claim.memberId && member && member.memberId !== claim.memberId) {
    // Not answered: the reply would tell one member of another's claim.
    return toPerson(claim, 'the message names another member than the claim', at, documents);
  }
  if (claim.status === 'FORWARDED') return followUp(claim, context, at, documents, dependencies);
  if (claim.documents.length > 0) {
    return toPerson(claim, 'the answer to the request for the member number came apart from the documents: a person forwards them together', at, documents);
  }
  const files = required(context.documents, 'the documents');
  const claimed = member ? await dependencies.claims.findClaimedDocuments(member.memberId, files.map((file) => file.sha256)) : new Map<string, string>();
  const outcome = withDuplicateCheck(required(context.outcome, 'the outcome'), files, claimed);
  const base = { ...unchanged(claim), documents, ...(member ? { memberId: member.memberId } : {}) };
  return answered(answerToRequest(claim, context, outcome, base, files, claimed, at));
}

const answered = (continued: Continued): Continued => ({ ...continued, answered: true });

/** The claim as the member's answer to its request for information leaves it. */
function answerToRequest(
  claim: ClaimRecord,
  context: IntakeContext,
  outcome: ReturnType<typeof withDuplicateCheck>,
  base: ClaimContinuation,
  files: readonly DocumentFile[],
  claimed: ReadonlyMap<string, string>,
  at: string,
): Continued {
  const { documents } = base;
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

/**
 * A member's message to a forwarded claim: the documents it brings that the claim (or another of
 * the member's claims) does not already hold are forwarded as a follow-up; nothing is sent again.
 * Only a message the member is shown to have sent forwards anything: else a person looks at it.
 */
async function followUp(
  claim: ClaimRecord,
  context: IntakeContext,
  at: string,
  documents: ClaimContinuation['documents'],
  dependencies: ContinueDependencies,
): Promise<Continued> {
  const memberId = context.identification?.member?.memberId;
  if (context.sender?.authentic !== true || memberId === undefined || memberId !== claim.memberId) {
    return toPerson(claim, 'a message to the forwarded claim was not shown to come from its member', at, documents);
  }
  const files = required(context.documents, 'the documents');
  const held = new Set(claim.documents.map((document) => document.sha256));
  const claimed = await dependencies.claims.findClaimedDocuments(memberId, files.map((file) => file.sha256));
  const fresh = [...new Set(files.map((file) => file.sha256))].filter((sha256) => !held.has(sha256) && !claimed.has(sha256));
  if (fresh.length === 0) return { outcome: 'no new document: nothing forwarded' };
  const freshDocuments = documents.filter((document, index) => fresh.includes(document.sha256) && documents.findIndex((other) => other.sha256 === document.sha256) === index);
  return {
    outcome: `${fresh.length} new document(s) forwarded as a follow-up`,
    change: { ...unchanged(claim), documents: freshDocuments, invoices: context.invoices ?? [], newDocumentHashes: fresh },
    followUp: fresh,
  };
}
