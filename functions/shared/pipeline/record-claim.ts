import type { ClaimRecord, StatusChange, StoredDocument, ClaimRepository, MessageStore } from '../domain/claim.ts';
import { newClaimReference } from '../domain/claim-reference.ts';
import { invoiceContentKey } from '../domain/invoices/index.ts';
import type { Channel, DocumentFile } from '../domain/types.ts';
import { required, type IntakeContext, type Outcome } from './context.ts';

export interface RecordDependencies {
  readonly claims: ClaimRepository;
  readonly store: MessageStore;
  readonly rawMessage: { readonly bucket: string; readonly key: string };
  readonly now: () => Date;
}

/** Reference collisions are one in hundreds of millions; a few retries make them harmless. */
const REFERENCE_ATTEMPTS = 3;

/**
 * Records the message as a claim exactly once: a message delivered again returns the claim it
 * already became, so the later steps can finish whatever a crash interrupted.
 */
export async function recordClaim(context: IntakeContext, dependencies: RecordDependencies): Promise<ClaimRecord> {
  const { claims } = dependencies;
  const invoices = invoiceKeys(context);
  const existing = context.recorded ? context.recorded.claim : await claims.findByMessageId(context.envelope.sesMessageId);
  if (existing) {
    // A crash may have come between recording the claim and storing its documents or invoices.
    if (existing.pendingDocumentHashes) await claims.recordPendingDocuments(existing);
    if (existing.memberId && existing.outcome !== 'DUPLICATE') await recordInvoices(claims, existing.memberId, existing.reference, invoices);
    await putDocuments(existing.documents, context.documents ?? [], dependencies.store);
    return existing;
  }

  const documents = context.documents ?? [];
  const memberId = context.identification?.member?.memberId;
  const claimed = memberId ? await claims.findClaimedDocuments(memberId, documents.map((d) => d.sha256)) : new Map<string, string>();
  const checked = withDuplicateCheck(required(context.outcome, 'the outcome'), documents, claimed);
  const outcome = memberId && checked.status !== 'DUPLICATE' ? await withLikelyDuplicates(checked, claims, memberId, invoices) : checked;
  const newHashes = documents.map((d) => d.sha256).filter((sha256) => !claimed.has(sha256));

  const recorded = await createOnce(
    claims,
    context.envelope,
    (reference) => buildClaim(context, reference, outcome, storedDocuments(reference, documents), dependencies, claimed),
    outcome.status === 'FORWARDED' ? newHashes : [],
  );
  if (memberId && recorded.outcome !== 'DUPLICATE') await recordInvoices(claims, memberId, recorded.reference, invoices);
  await putDocuments(recorded.documents, documents, dependencies.store);
  return recorded;
}

/** An invoice read that has a content key, with its document. */
interface InvoiceKey {
  readonly document: string;
  readonly contentKey: string;
}

function invoiceKeys(context: IntakeContext): InvoiceKey[] {
  return (context.invoices ?? []).flatMap((invoice) => {
    const contentKey = invoiceContentKey(invoice);
    return contentKey ? [{ document: invoice.document, contentKey }] : [];
  });
}

/**
 * An invoice the member already claimed (same provider, date of service and total), rescanned or
 * photographed: said in the reasons, which the cover and the review queue show. The claim goes on
 * as decided: two visits can cost the same.
 */
async function withLikelyDuplicates<T extends Outcome>(outcome: T, claims: ClaimRepository, memberId: string, keys: readonly InvoiceKey[]): Promise<T> {
  if (keys.length === 0) return outcome;
  const claimed = await claims.findClaimedInvoices(memberId, keys.map(({ contentKey }) => contentKey));
  const notes = keys.flatMap(({ document, contentKey }) => {
    const earlier = claimed.get(contentKey);
    return earlier ? [`${document} is likely a duplicate: an invoice with the same provider, date of service and total was claimed with ${earlier}`] : [];
  });
  return notes.length === 0 ? outcome : { ...outcome, reasons: [...outcome.reasons, ...notes] };
}

async function recordInvoices(claims: ClaimRepository, memberId: string, reference: string, keys: readonly InvoiceKey[]): Promise<void> {
  if (keys.length > 0) await claims.recordInvoices(memberId, reference, keys.map(({ contentKey }) => contentKey));
}

/**
 * A message the intake can never get through (see classifyFailure): recorded in REVIEW with
 * why, on its claim if it has one, else on a claim of its own carrying only what the envelope
 * says, so nothing is lost and a person looks at it. The raw message stays in the bucket.
 */
export async function recordUnprocessable(
  envelope: { readonly sesMessageId: string; readonly receivedAt: Date },
  channel: Channel,
  reason: string,
  dependencies: RecordDependencies,
): Promise<ClaimRecord> {
  const { claims } = dependencies;
  const at = dependencies.now().toISOString();
  const existing = await claims.findByMessageId(envelope.sesMessageId);
  if (existing) {
    if (existing.status !== 'REVIEW' || !existing.reasons.includes(reason)) await claims.holdForReview(existing.reference, { at, reason });
    return required(await claims.get(existing.reference), 'the claim held for review');
  }
  return createOnce(claims, envelope, (reference) => ({
    reference,
    sesMessageId: envelope.sesMessageId,
    receivedAt: envelope.receivedAt.toISOString(),
    createdAt: at,
    channel,
    rawMessage: dependencies.rawMessage,
    status: 'REVIEW',
    outcome: 'REVIEW',
    reasons: [reason],
    evidence: [],
    documents: [],
    statusHistory: [
      { status: 'RECEIVED', at: envelope.receivedAt.toISOString() },
      { status: 'REVIEW', at, detail: reason },
    ],
  }), []);
}

/** Records the claim under a fresh reference; a message recorded concurrently returns the claim it became. */
async function createOnce(
  claims: ClaimRepository,
  envelope: { readonly sesMessageId: string; readonly receivedAt: Date },
  build: (reference: string) => ClaimRecord,
  newHashes: readonly string[],
): Promise<ClaimRecord> {
  for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt += 1) {
    const claim: ClaimRecord = { ...build(newClaimReference(envelope.receivedAt)), sends: {} };
    const result = await claims.create(claim, newHashes);
    if (result === 'reference-taken') continue;
    return result === 'created' ? claim : required(await claims.findByMessageId(envelope.sesMessageId), 'the concurrently recorded claim');
  }
  throw new Error('Could not allocate a unique claim reference');
}

/** Documents the member already sent make a duplicate only when nothing new comes with them. */
export function withDuplicateCheck(
  outcome: Outcome,
  documents: readonly DocumentFile[],
  claimed: ReadonlyMap<string, string>,
): Outcome & { duplicateOf?: string } {
  if (outcome.status !== 'FORWARDED' || documents.length === 0) return outcome;
  if (!documents.every((document) => claimed.has(document.sha256))) return outcome;
  const duplicateOf = claimed.get(documents[0]?.sha256 ?? '');
  return { status: 'DUPLICATE', reasons: [...outcome.reasons, `documents already received with ${duplicateOf}`], duplicateOf };
}

/**
 * Documents are kept under their claim's reference, in the order they came; those of a message
 * that joined the claim later, under that message's id as well (`folder`).
 */
export function storedDocuments(reference: string, documents: readonly DocumentFile[], folder = `documents/${reference}`): StoredDocument[] {
  return documents.map((document, index) => ({
    filename: document.filename,
    type: document.type,
    size: document.size,
    sha256: document.sha256,
    s3Key: `${folder}/${index + 1}-${document.filename}`,
    textRead: document.textRead,
    ...(document.notReadReason ? { notReadReason: document.notReadReason } : {}),
    ...(document.ocr ? { ocr: { engine: document.ocr.engine, meanConfidence: document.ocr.meanConfidence, pages: document.ocr.pages.length, elapsedMs: document.ocr.elapsedMs } } : {}),
    ...(document.damaged ? { damaged: true } : {}),
  }));
}

/** Writing the same bytes to the same keys again is harmless, so redeliveries can repeat it. */
export async function putDocuments(stored: readonly StoredDocument[], documents: readonly DocumentFile[], store: MessageStore): Promise<void> {
  await Promise.all(
    stored.map((entry, index) => {
      const document = documents[index];
      return document ? store.putDocument(entry.s3Key, document.content, document.declaredContentType) : undefined;
    }),
  );
}

function buildClaim(
  context: IntakeContext,
  reference: string,
  outcome: Outcome & { duplicateOf?: string },
  documents: StoredDocument[],
  dependencies: RecordDependencies,
  claimed: ReadonlyMap<string, string>,
): ClaimRecord {
  const now = dependencies.now().toISOString();
  const received: StatusChange = { status: 'RECEIVED', at: context.envelope.receivedAt.toISOString() };
  const forwardPending = outcome.status === 'FORWARDED';
  const alreadyClaimed = documents.filter((document) => claimed.has(document.sha256));
  const reasons = [
    ...outcome.reasons,
    ...(forwardPending ? alreadyClaimed.map((document) => `${document.filename} already received with ${claimed.get(document.sha256)}`) : []),
  ];
  return {
    reference,
    sesMessageId: context.envelope.sesMessageId,
    receivedAt: context.envelope.receivedAt.toISOString(),
    createdAt: now,
    channel: context.channel,
    fax: context.fax,
    rawMessage: dependencies.rawMessage,
    memberId: context.identification?.member?.memberId,
    treatmentCountry: context.location?.country ?? undefined,
    route: forwardPending || outcome.status === 'DUPLICATE' ? (context.location?.route ?? undefined) : undefined,
    status: forwardPending ? 'RECEIVED' : outcome.status,
    outcome: outcome.status,
    reasons,
    evidence: context.location?.evidence ?? [],
    documents,
    ...(context.invoices ? { invoices: context.invoices } : {}),
    statusHistory: forwardPending ? [received] : [received, { status: outcome.status, at: now, detail: reasons.join('; ') }],
    duplicateOf: outcome.duplicateOf,
  };
}
