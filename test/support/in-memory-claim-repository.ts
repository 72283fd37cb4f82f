import type { ClaimRecord, ClaimRepository, CreateClaimResult, DeliveryEvent, SentMessage, SentReply } from '../../functions/shared/domain/claim.ts';

/** The claims table's rules held in memory: one claim per message, per reference, and per member's document. */
export class InMemoryClaimRepository implements ClaimRepository {
  private readonly claims = new Map<string, ClaimRecord>();
  private readonly referenceByMessage = new Map<string, string>();
  private readonly referenceByDocument = new Map<string, string>();

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

  async markForwarded(reference: string, forward: SentMessage, detail: string): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (!claim || claim.forward) return false;
    this.claims.set(reference, {
      ...claim,
      status: 'FORWARDED',
      forward,
      statusHistory: [...claim.statusHistory, { status: 'FORWARDED', at: forward.at, detail }],
    });
    return true;
  }

  async markAcknowledged(reference: string, acknowledgement: SentReply): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (!claim || claim.acknowledgement) return false;
    this.claims.set(reference, { ...claim, acknowledgement });
    return true;
  }

  async recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<void> {
    const claim = this.claims.get(reference);
    if (!claim) throw new Error(`no claim ${reference}`);
    this.claims.set(reference, { ...claim, deliveryEvents: [...(claim.deliveryEvents ?? []), event] });
  }

  async markForwardUndelivered(reference: string, change: { readonly at: string; readonly reason: string }): Promise<boolean> {
    const claim = this.claims.get(reference);
    if (claim?.status !== 'FORWARDED') return false;
    this.claims.set(reference, {
      ...claim,
      status: 'REVIEW',
      outcome: 'REVIEW',
      reasons: [...claim.reasons, change.reason],
      statusHistory: [...claim.statusHistory, { status: 'REVIEW', at: change.at, detail: change.reason }],
    });
    return true;
  }
}

const documentKey = (memberId: string, sha256: string) => `${memberId}#${sha256}`;
