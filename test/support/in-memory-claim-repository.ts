import type {
  ClaimContinuation,
  ClaimRecord,
  ClaimRepository,
  ClaimSendResult,
  ConversationMessage,
  CreateClaimResult,
  DeliveryEvent,
  JoinResult,
  SendClaim,
  SendSettlement,
  SentReply,
  StatusChange,
} from '../../functions/shared/domain/claim.ts';
import { DECIDABLE_STATUSES, decidedStatus, decisionStatusChange, type ManualDecision, type Resend } from '../../functions/shared/domain/decision.ts';
import { ledgerEntry, sentField, type LedgerEntry, type SendId } from '../../functions/shared/domain/ledger.ts';

/** The claims table's rules held in memory: one claim per message, per reference, and per member's document. */
export class InMemoryClaimRepository implements ClaimRepository {
  private readonly claims = new Map<string, ClaimRecord>();
  private readonly referenceByMessage = new Map<string, string>();
  private readonly referenceByDocument = new Map<string, string>();
  private readonly referenceByInvoice = new Map<string, string>();

  get size(): number {
    return this.claims.size;
  }

  /** A claim already recorded, as the later steps find it. */
  async seed(claim: ClaimRecord): Promise<ClaimRecord> {
    await this.create(claim, []);
    return claim;
  }

  async get(reference: string): Promise<ClaimRecord | undefined> {
    return this.claims.get(reference);
  }

  async findByMessageId(sesMessageId: string): Promise<ClaimRecord | undefined> {
    const reference = this.referenceByMessage.get(sesMessageId);
    return reference === undefined ? undefined : this.claims.get(reference);
  }

  async findClaimedDocuments(memberId: string, sha256s: readonly string[]): Promise<Map<string, string>> {
    const claimed = new Map<string, string>();
    for (const sha256 of sha256s) {
      const reference = this.referenceByDocument.get(documentKey(memberId, sha256));
      if (reference !== undefined) claimed.set(sha256, reference);
    }
    return claimed;
  }

  async findClaimedInvoices(memberId: string, contentKeys: readonly string[]): Promise<Map<string, string>> {
    return new Map(contentKeys.flatMap((contentKey) => {
      const reference = this.referenceByInvoice.get(`${memberId}#${contentKey}`);
      return reference === undefined ? [] : [[contentKey, reference] as const];
    }));
  }

  async recordInvoices(memberId: string, reference: string, contentKeys: readonly string[]): Promise<void> {
    for (const contentKey of contentKeys) if (!this.referenceByInvoice.has(`${memberId}#${contentKey}`)) this.referenceByInvoice.set(`${memberId}#${contentKey}`, reference);
  }

  async create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult> {
    if (this.referenceByMessage.has(claim.sesMessageId)) return 'message-already-recorded';
    if (this.claims.has(claim.reference)) return 'reference-taken';
    this.claims.set(claim.reference, claim);
    this.referenceByMessage.set(claim.sesMessageId, claim.reference);
    const { memberId } = claim;
    if (memberId !== undefined) {
      for (const sha256 of newDocumentHashes) this.referenceByDocument.set(documentKey(memberId, sha256), claim.reference);
    }
    return 'created';
  }

  /** Replies counted per recipient and day, as the table's counters hold them. */
  readonly replyCounts = new Map<string, number>();

  async recordPendingDocuments(claim: ClaimRecord): Promise<void> {
    const { memberId, pendingDocumentHashes } = claim;
    if (!memberId || !pendingDocumentHashes) return;
    for (const sha256 of pendingDocumentHashes) {
      if (!this.referenceByDocument.has(documentKey(memberId, sha256))) this.referenceByDocument.set(documentKey(memberId, sha256), claim.reference);
    }
    const { pendingDocumentHashes: _done, ...rest } = this.required(claim.reference);
    this.claims.set(claim.reference, rest);
  }

  async claimSend(reference: string, { id, entry, replaces, quota }: SendClaim): Promise<ClaimSendResult> {
    const claim = this.claims.get(reference);
    const current = claim && ledgerEntry(claim, id);
    if (!claim) return 'taken';
    const holds = replaces ? current?.attempt === replaces.attempt && current.state === replaces.state : current === undefined;
    if (!holds) return 'taken';
    if (quota) {
      const key = `${quota.recipient}#${quota.day}`;
      const count = this.replyCounts.get(key) ?? 0;
      if (count >= quota.limit) return 'over-limit';
      this.replyCounts.set(key, count + 1);
    }
    this.claims.set(reference, { ...withEntry(claim, id, entry), reasons: entry.reason ? [...claim.reasons, entry.reason] : claim.reasons });
    return 'claimed';
  }

  async markSent(reference: string, id: SendId, attempt: number, sent: SentReply, statusChange?: StatusChange): Promise<boolean> {
    this.referenceBySentMessage.set(sent.messageId, reference);
    const claim = this.claims.get(reference);
    const entry = claim && ledgerEntry(claim, id);
    if (!claim || entry?.attempt !== attempt || entry.state !== 'sending') return false;
    const field = sentField(id);
    this.claims.set(reference, {
      ...withEntry(claim, id, { ...entry, state: 'sent', messageId: sent.messageId, sentAt: sent.at }),
      ...(field ? { [field]: sent } : {}),
      ...(statusChange ? { status: statusChange.status, statusHistory: [...claim.statusHistory, statusChange] } : {}),
    });
    return true;
  }

  async settleSend(reference: string, id: SendId, attempt: number, { state, at, reason }: SendSettlement): Promise<boolean> {
    const claim = this.claims.get(reference);
    const entry = claim && ledgerEntry(claim, id);
    if (!claim || entry?.attempt !== attempt || entry.state !== 'sending') return false;
    const settled = withEntry(claim, id, { ...entry, state, reason });
    this.claims.set(reference, state === 'failed' ? toReview(settled, { at, reason }) : settled);
    return true;
  }

  async withholdSend(reference: string, id: SendId, entry: LedgerEntry): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (!claim || ledgerEntry(claim, id)) return false;
    this.claims.set(reference, { ...withEntry(claim, id, entry), reasons: [...claim.reasons, entry.reason ?? 'not sent'] });
    return true;
  }

  async holdForReview(reference: string, change: { readonly at: string; readonly reason: string }): Promise<void> {
    this.claims.set(reference, toReview(this.required(reference), change));
  }

  private required(reference: string): ClaimRecord {
    const claim = this.claims.get(reference);
    if (!claim) throw new Error(`no claim ${reference}`);
    return claim;
  }

  async recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<ClaimRecord> {
    const claim = this.required(reference);
    const recorded = { ...claim, deliveryEvents: [...(claim.deliveryEvents ?? []), event] };
    this.claims.set(reference, recorded);
    return recorded;
  }

  /** Claims waiting for information recorded before `createdBefore`, oldest first, as the status index lists them. */
  async *waitingForInformation(createdBefore: string): AsyncGenerator<ClaimRecord> {
    const waiting = [...this.claims.values()].filter((claim) => claim.status === 'NEEDS_INFO' && claim.createdAt <= createdBefore);
    yield* waiting.sort((one, other) => one.createdAt.localeCompare(other.createdAt));
  }

  /** Which claim sent each message SES knows by its id, as the index in the claims table holds it. */
  readonly referenceBySentMessage = new Map<string, string>();

  async findBySentMessageId(sesMessageId: string): Promise<ClaimRecord | undefined> {
    const reference = this.referenceBySentMessage.get(sesMessageId);
    return reference === undefined ? undefined : this.claims.get(reference);
  }

  async recordJoinedMessage(reference: string, message: ConversationMessage, continuation?: ClaimContinuation): Promise<JoinResult> {
    if (this.referenceByMessage.has(message.sesMessageId)) return 'message-already-recorded';
    const claim = this.required(reference);
    if (continuation && claim.status !== continuation.from) return 'claim-changed';
    const memberId = continuation?.memberId;
    if (memberId) {
      for (const sha256 of continuation.newDocumentHashes) {
        if (!this.referenceByDocument.has(documentKey(memberId, sha256))) this.referenceByDocument.set(documentKey(memberId, sha256), reference);
      }
    }
    this.referenceByMessage.set(message.sesMessageId, reference);
    const conversation = [...(claim.conversation ?? []), message];
    this.claims.set(reference, continuation ? { ...continued(claim, continuation), conversation } : { ...claim, conversation });
    return 'recorded';
  }

  async markForwardUndelivered(reference: string, change: { readonly at: string; readonly reason: string }): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (claim?.status !== 'FORWARDED') return false;
    this.claims.set(reference, toReview(claim, change));
    return true;
  }

  async recordDecision(reference: string, decision: ManualDecision): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (!claim || !DECIDABLE_STATUSES.includes(claim.status)) return false;
    this.claims.set(reference, {
      ...claim,
      ...decidedStatus(decision),
      ...(decision.action === 'route' ? { route: decision.route } : {}),
      statusHistory: [...claim.statusHistory, decisionStatusChange(decision)],
      decisions: [...(claim.decisions ?? []), decision],
    });
    return true;
  }

  async recordResend(reference: string, resend: Resend): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (!claim?.[resend.message] || (claim.resends ?? []).length !== resend.number - 1) return false;
    this.claims.set(reference, { ...claim, resends: [...(claim.resends ?? []), resend] });
    return true;
  }
}

function toReview(claim: ClaimRecord, { at, reason }: { readonly at: string; readonly reason: string }): ClaimRecord {
  return {
    ...claim,
    status: 'REVIEW',
    outcome: 'REVIEW',
    reasons: [...claim.reasons, reason],
    statusHistory: [...claim.statusHistory, { status: 'REVIEW', at, detail: reason }],
  };
}

function continued(claim: ClaimRecord, continuation: ClaimContinuation): ClaimRecord {
  const { memberId, treatmentCountry, route, duplicateOf } = continuation;
  return {
    ...claim,
    ...(memberId !== undefined ? { memberId } : {}),
    ...(treatmentCountry !== undefined ? { treatmentCountry } : {}),
    ...(route !== undefined ? { route } : {}),
    ...(duplicateOf !== undefined ? { duplicateOf } : {}),
    status: continuation.status,
    outcome: continuation.outcome,
    reasons: [...claim.reasons, ...continuation.reasons],
    statusHistory: [...claim.statusHistory, ...continuation.statusChanges],
    documents: [...claim.documents, ...continuation.documents],
    evidence: [...claim.evidence, ...continuation.evidence],
    invoices: [...(claim.invoices ?? []), ...continuation.invoices],
  };
}

const documentKey = (memberId: string, sha256: string) => `${memberId}#${sha256}`;

function withEntry(claim: ClaimRecord, id: SendId, entry: LedgerEntry): ClaimRecord {
  return { ...claim, sends: { ...claim.sends, [id]: entry } };
}
