import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
// One line: the cold-start benchmark reads the bundle's imports line by line.
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ClaimContinuation,
  ClaimRecord,
  ClaimRepository,
  ClaimSendResult,
  ConversationMessage,
  CreateClaimResult,
  DeliveryEvent,
  SendClaim,
  SendSettlement,
  JoinResult,
  SentReply,
  StatusChange,
} from '../domain/claim.ts';
import { DECIDABLE_STATUSES, decidedStatus, decisionStatusChange, type ManualDecision, type Resend } from '../domain/decision.ts';
import { sentField, type LedgerEntry, type SendId } from '../domain/ledger.ts';
import { CLAIMS_TABLE_DESIGN, claimKey, documentKey, invoiceKey, messageKey, replyCountKey, sentMessageKey } from './table-design.ts';

/** DynamoDB's limit on keys in one BatchGetItem call. */
const BATCH_GET_LIMIT = 100;
/** DynamoDB's limit on items in one TransactWriteItems call. */
const TRANSACTION_ITEM_LIMIT = 100;
/** Document items the claim's own transaction holds beside the message and claim items; the rest follow it. */
const DOCUMENTS_IN_CREATE = TRANSACTION_ITEM_LIMIT - 2;
/** Document and invoice items written at once outside a transaction: a burst the table absorbs without throttling. */
const WRITES_AT_ONCE = 10;

/** Claims, the messages they came from, and the documents they carried, in the claims table. */
export class DynamoClaimRepository implements ClaimRepository {
  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(reference: string): Promise<ClaimRecord | undefined> {
    const { Item } = await this.dynamo.send(new GetCommand({ TableName: this.tableName, Key: claimKey(reference), ConsistentRead: true }));
    return Item ? toClaim(Item) : undefined;
  }

  /** Claims in a status, oldest first: the review queue, for operations staff. */
  async listByStatus(status: ClaimRecord['status'], limit: number): Promise<ClaimRecord[]> {
    const { Items } = await this.dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: CLAIMS_TABLE_DESIGN.statusIndex.name,
        KeyConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': CLAIMS_TABLE_DESIGN.statusIndex.partitionKey },
        ExpressionAttributeValues: { ':status': status },
        Limit: limit,
      }),
    );
    return (Items ?? []).map(toClaim);
  }

  /**
   * Claims waiting for information recorded before `createdBefore`, oldest first, every page of
   * them: the status index read eventually consistent, each claim then read whole and consistent,
   * so a reminder is never sent on a claim an answer has just continued.
   */
  async *waitingForInformation(createdBefore: string): AsyncGenerator<ClaimRecord> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: CLAIMS_TABLE_DESIGN.statusIndex.name,
          KeyConditionExpression: '#status = :status AND #createdAt <= :before',
          ExpressionAttributeNames: {
            '#status': CLAIMS_TABLE_DESIGN.statusIndex.partitionKey,
            '#createdAt': CLAIMS_TABLE_DESIGN.statusIndex.sortKey,
            '#reference': 'reference',
          },
          ExpressionAttributeValues: { ':status': 'NEEDS_INFO', ':before': createdBefore },
          ProjectionExpression: '#reference',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const claim = typeof item.reference === 'string' ? await this.get(item.reference) : undefined;
        if (claim?.status === 'NEEDS_INFO') yield claim;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async findByMessageId(sesMessageId: string): Promise<ClaimRecord | undefined> {
    const { Item } = await this.dynamo.send(
      new GetCommand({ TableName: this.tableName, Key: messageKey(sesMessageId), ConsistentRead: true }),
    );
    return typeof Item?.reference === 'string' ? this.get(Item.reference) : undefined;
  }

  async findClaimedDocuments(memberId: string, sha256s: readonly string[]): Promise<Map<string, string>> {
    return this.referencesOf(sha256s, (sha256) => documentKey(memberId, sha256), 'sha256');
  }

  async findClaimedInvoices(memberId: string, contentKeys: readonly string[]): Promise<Map<string, string>> {
    return this.referencesOf(contentKeys, (contentKey) => invoiceKey(memberId, contentKey), 'contentKey');
  }

  async recordInvoices(memberId: string, reference: string, contentKeys: readonly string[]): Promise<void> {
    // The first claim to carry an invoice keeps it; a retry writing the same item again is harmless.
    await inBursts([...new Set(contentKeys)], (contentKey) =>
      this.conditionally(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...invoiceKey(memberId, contentKey), contentKey, reference },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  /** The claim reference of each id whose item exists, read in batches as BatchGetItem allows. */
  private async referencesOf(ids: readonly string[], keyOf: (id: string) => Record<string, string>, idAttribute: string): Promise<Map<string, string>> {
    const claimed = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      const keys = unique.slice(start, start + BATCH_GET_LIMIT).map(keyOf);
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [this.tableName]: { Keys: keys } };
      while (request && Object.keys(request).length > 0) {
        const response = await this.dynamo.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of response.Responses?.[this.tableName] ?? []) {
          claimed.set(String(item[idAttribute]), String(item.reference));
        }
        request = response.UnprocessedKeys as typeof request;
      }
    }
    return claimed;
  }

  /**
   * Writes the claim, the message-to-claim item and the member's new document items in one
   * transaction, so a message delivered twice can never become two claims.
   */
  /**
   * Writes the claim, the message-to-claim item and the member's new document items in one
   * transaction, so a message delivered twice can never become two claims. Documents beyond what
   * one transaction holds are listed on the claim and written right after it; a redelivery
   * finishes them if a crash came between (`recordPendingDocuments`).
   */
  async create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult> {
    const hashes = claim.memberId ? [...new Set(newDocumentHashes)] : [];
    const pending = hashes.slice(DOCUMENTS_IN_CREATE);
    const recorded: ClaimRecord = pending.length > 0 ? { ...claim, pendingDocumentHashes: pending } : claim;
    const documentItems = hashes.slice(0, DOCUMENTS_IN_CREATE).map((sha256) => ({
      Put: {
        TableName: this.tableName,
        Item: { ...documentKey(claim.memberId as string, sha256), sha256, reference: claim.reference },
      },
    }));
    try {
      await this.dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            this.messageRecordedOnce(claim.sesMessageId, claim.reference),
            {
              Put: {
                TableName: this.tableName,
                // The ledger's map exists from the start: an entry is written at its own path in it.
                Item: { ...claimKey(claim.reference), sends: {}, ...recorded },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...documentItems,
          ],
        }),
      );
    } catch (error) {
      return failedCondition(error) === 'message' ? 'message-already-recorded' : 'reference-taken';
    }
    await this.recordPendingDocuments(recorded);
    return 'created';
  }

  async recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<ClaimRecord> {
    const { Attributes } = await this.dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: 'SET deliveryEvents = list_append(if_not_exists(deliveryEvents, :empty), :event)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':empty': [], ':event': [event] },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toClaim(Attributes ?? {});
  }

  async markForwardUndelivered(reference: string, change: { readonly at: string; readonly reason: string }): Promise<boolean> {
    try {
      await this.dynamo.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKey(reference),
          UpdateExpression:
            'SET #status = :review, outcome = :review, reasons = list_append(reasons, :reasons), statusHistory = list_append(statusHistory, :change)',
          ConditionExpression: 'attribute_exists(pk) AND #status = :forwarded',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':review': 'REVIEW',
            ':forwarded': 'FORWARDED',
            ':reasons': [change.reason],
            ':change': [{ status: 'REVIEW', at: change.at, detail: change.reason }],
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async recordPendingDocuments(claim: ClaimRecord): Promise<void> {
    const { memberId, pendingDocumentHashes } = claim;
    if (!memberId || !pendingDocumentHashes) return;
    await inBursts(pendingDocumentHashes, (sha256) => this.putDocument(memberId, sha256, claim.reference));
    await this.dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(claim.reference),
        UpdateExpression: 'REMOVE pendingDocumentHashes',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  async claimSend(reference: string, { id, entry, replaces, quota }: SendClaim): Promise<ClaimSendResult> {
    const claimUpdate = {
      TableName: this.tableName,
      Key: claimKey(reference),
      UpdateExpression: `SET #sends.#entry = :entry${entry.reason ? ', reasons = list_append(reasons, :reasons)' : ''}`,
      ConditionExpression: replaces
        ? 'attribute_exists(pk) AND #sends.#entry.#attempt = :previousAttempt AND #sends.#entry.#state = :previousState'
        : 'attribute_exists(pk) AND attribute_not_exists(#sends.#entry)',
      ExpressionAttributeNames: { ...entryNames(id), ...(replaces ? { '#attempt': 'attempt', '#state': 'state' } : {}) },
      ExpressionAttributeValues: {
        ':entry': entry,
        ...(entry.reason ? { ':reasons': [entry.reason] } : {}),
        ...(replaces ? { ':previousAttempt': replaces.attempt, ':previousState': replaces.state } : {}),
      },
    };
    if (!quota) {
      return (await this.conditionally(new UpdateCommand(claimUpdate))) ? 'claimed' : 'taken';
    }
    try {
      await this.dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: claimUpdate },
            {
              Update: {
                TableName: this.tableName,
                Key: replyCountKey(createHash('sha256').update(quota.recipient).digest('hex'), quota.day),
                UpdateExpression: 'ADD #count :one SET #expiresAt = :expiresAt',
                ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
                ExpressionAttributeNames: { '#count': 'count', '#expiresAt': CLAIMS_TABLE_DESIGN.timeToLiveAttribute },
                ExpressionAttributeValues: { ':one': 1, ':limit': quota.limit, ':expiresAt': quota.expiresAt },
              },
            },
          ],
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [claimReason, countReason] = error.CancellationReasons ?? [];
      if (claimReason?.Code === 'ConditionalCheckFailed') return 'taken';
      if (countReason?.Code === 'ConditionalCheckFailed') return 'over-limit';
      throw error;
    }
  }

  /**
   * Also indexes SES's message id to the claim first, so a reply naming the message finds it: any
   * id SES gave is a message this claim sent, so the index item is right even when the entry was
   * settled already, and writing it again is harmless.
   */
  async markSent(reference: string, id: SendId, attempt: number, sent: SentReply, statusChange?: StatusChange): Promise<boolean> {
    await this.dynamo.send(new PutCommand({ TableName: this.tableName, Item: { ...sentMessageKey(sent.messageId), reference } }));
    const field = sentField(id);
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: `SET #sends.#entry.#state = :sent, #sends.#entry.#messageId = :messageId, #sends.#entry.#sentAt = :at${field ? ', #sentField = :record' : ''}${
          statusChange ? ', #status = :status, statusHistory = list_append(statusHistory, :change)' : ''
        }`,
        ConditionExpression: 'attribute_exists(pk) AND #sends.#entry.#attempt = :attempt AND #sends.#entry.#state = :sending',
        ExpressionAttributeNames: {
          ...entryNames(id),
          '#state': 'state',
          '#attempt': 'attempt',
          '#messageId': 'messageId',
          '#sentAt': 'sentAt',
          ...(field ? { '#sentField': field } : {}),
          ...(statusChange ? { '#status': 'status' } : {}),
        },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':attempt': attempt,
          ':messageId': sent.messageId,
          ':at': sent.at,
          ...(field ? { ':record': sent } : {}),
          ...(statusChange ? { ':status': statusChange.status, ':change': [statusChange] } : {}),
        },
      }),
    );
  }

  settleSend(reference: string, id: SendId, attempt: number, { state, at, reason }: SendSettlement): Promise<boolean> {
    const review = state === 'failed';
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: `SET #sends.#entry.#state = :state, #sends.#entry.#reason = :reason${review ? `, ${TO_REVIEW}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND #sends.#entry.#attempt = :attempt AND #sends.#entry.#state = :sending',
        ExpressionAttributeNames: {
          ...entryNames(id),
          '#state': 'state',
          '#attempt': 'attempt',
          '#reason': 'reason',
          ...(review ? { '#status': 'status' } : {}),
        },
        ExpressionAttributeValues: {
          ':state': state,
          ':reason': reason,
          ':attempt': attempt,
          ':sending': 'sending',
          ...(review ? reviewValues({ at, reason }) : {}),
        },
      }),
    );
  }

  withholdSend(reference: string, id: SendId, entry: LedgerEntry): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: 'SET #sends.#entry = :entry, reasons = list_append(reasons, :reasons)',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#sends.#entry)',
        ExpressionAttributeNames: entryNames(id),
        ExpressionAttributeValues: { ':entry': entry, ':reasons': [entry.reason ?? 'not sent'] },
      }),
    );
  }

  async holdForReview(reference: string, change: { readonly at: string; readonly reason: string }): Promise<void> {
    await this.dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: `SET ${TO_REVIEW}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: reviewValues(change),
      }),
    );
  }

  recordDecision(reference: string, decision: ManualDecision): Promise<boolean> {
    const { status, outcome } = decidedStatus(decision);
    const decidable = Object.fromEntries(DECIDABLE_STATUSES.map((from, index) => [`:decidable${index}`, from]));
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: `SET #status = :status, outcome = :outcome, statusHistory = list_append(statusHistory, :change), decisions = list_append(if_not_exists(decisions, :none), :decision)${
          decision.action === 'route' ? ', #route = :route' : ''
        }`,
        ConditionExpression: `attribute_exists(pk) AND #status IN (${Object.keys(decidable).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status', ...(decision.action === 'route' ? { '#route': 'route' } : {}) },
        ExpressionAttributeValues: {
          ':status': status,
          ':outcome': outcome,
          ':change': [decisionStatusChange(decision)],
          ':none': [],
          ':decision': [decision],
          ...decidable,
          ...(decision.action === 'route' ? { ':route': decision.route } : {}),
        },
      }),
    );
  }

  recordResend(reference: string, resend: Resend): Promise<boolean> {
    const resendsSeen = resend.number - 1;
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: 'SET resends = list_append(if_not_exists(resends, :none), :resend)',
        ConditionExpression: `attribute_exists(pk) AND attribute_exists(#sent) AND ${resendsSeen === 0 ? 'attribute_not_exists(resends)' : 'size(resends) = :seen'}`,
        ExpressionAttributeNames: { '#sent': resend.message },
        ExpressionAttributeValues: { ':none': [], ':resend': [resend], ...(resendsSeen === 0 ? {} : { ':seen': resendsSeen }) },
      }),
    );
  }

  async findBySentMessageId(sesMessageId: string): Promise<ClaimRecord | undefined> {
    const { Item } = await this.dynamo.send(new GetCommand({ TableName: this.tableName, Key: sentMessageKey(sesMessageId), ConsistentRead: true }));
    return typeof Item?.reference === 'string' ? this.get(Item.reference) : undefined;
  }

  /**
   * The message-to-claim item and the claim's update in one transaction, as `create` records a
   * new claim: a message delivered twice is recorded once. The member's document items come
   * first: written again by a redelivery, they are harmless.
   */
  async recordJoinedMessage(reference: string, message: ConversationMessage, continuation?: ClaimContinuation): Promise<JoinResult> {
    const memberId = continuation?.memberId;
    if (memberId) await inBursts([...new Set(continuation.newDocumentHashes)], (sha256) => this.putDocument(memberId, sha256, reference));
    try {
      await this.dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            this.messageRecordedOnce(message.sesMessageId, reference),
            { Update: { TableName: this.tableName, Key: claimKey(reference), ...continuationUpdate(message, continuation) } },
          ],
        }),
      );
      return 'recorded';
    } catch (error) {
      return failedCondition(error) === 'message' ? 'message-already-recorded' : 'claim-changed';
    }
  }

  private async putDocument(memberId: string, sha256: string, reference: string): Promise<void> {
    // The first claim to carry a document keeps it; a retry writing the same item again is harmless.
    await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...documentKey(memberId, sha256), sha256, reference },
        ConditionExpression: 'attribute_not_exists(pk) OR #reference = :reference',
        ExpressionAttributeNames: { '#reference': 'reference' },
        ExpressionAttributeValues: { ':reference': reference },
      }),
    );
  }

  /** The item that says which claim a delivered message became: written once, so a message is never recorded twice. */
  private messageRecordedOnce(sesMessageId: string, reference: string) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...messageKey(sesMessageId), reference },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Sends a conditional write: false when its condition did not hold. */
  private async conditionally(command: UpdateCommand | PutCommand): Promise<boolean> {
    try {
      await (command instanceof PutCommand ? this.dynamo.send(command) : this.dynamo.send(command));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

/** Runs one write per id, WRITES_AT_ONCE at a time. */
async function inBursts(ids: readonly string[], write: (id: string) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < ids.length; start += WRITES_AT_ONCE) {
    await Promise.all(ids.slice(start, start + WRITES_AT_ONCE).map(write));
  }
}

/**
 * Which item of a claim's transaction failed its condition: the message's (first: the message was
 * recorded already) or the claim's (second). Any other failure is thrown again.
 */
function failedCondition(error: unknown): 'message' | 'claim' {
  if (error instanceof TransactionCanceledException) {
    const [message, claim] = error.CancellationReasons ?? [];
    if (message?.Code === 'ConditionalCheckFailed') return 'message';
    if (claim?.Code === 'ConditionalCheckFailed') return 'claim';
  }
  throw error;
}

/** Names `#sends.#entry`: the ledger entry of message `id`. */
function entryNames(id: SendId) {
  return { '#sends': 'sends', '#entry': id };
}

/** The update that sends a claim to review with why (names `#status`; values from `reviewValues`). */
const TO_REVIEW =
  '#status = :review, outcome = :review, reasons = list_append(reasons, :reviewReasons), statusHistory = list_append(statusHistory, :reviewChange)';

function reviewValues({ at, reason }: { readonly at: string; readonly reason: string }) {
  return { ':review': 'REVIEW', ':reviewReasons': [reason], ':reviewChange': [{ status: 'REVIEW', at, detail: reason }] };
}

/** The claim's update for a message that joined it: the message added to its conversation, and what it changes. */
function continuationUpdate(message: ConversationMessage, continuation: ClaimContinuation | undefined) {
  const conversation = 'conversation = list_append(if_not_exists(conversation, :empty), :message)';
  if (!continuation) {
    return {
      UpdateExpression: `SET ${conversation}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':empty': [], ':message': [message] },
    };
  }
  const optional = (['memberId', 'treatmentCountry', 'route', 'duplicateOf'] as const).filter((field) => continuation[field] !== undefined);
  return {
    UpdateExpression: [
      `SET ${conversation}`,
      '#status = :status',
      'outcome = :outcome',
      'reasons = list_append(reasons, :reasons)',
      'statusHistory = list_append(statusHistory, :changes)',
      'documents = list_append(documents, :documents)',
      'evidence = list_append(evidence, :evidence)',
      'invoices = list_append(if_not_exists(invoices, :empty), :invoices)',
      ...optional.map((field) => `${field} = :${field}`),
    ].join(', '),
    ConditionExpression: 'attribute_exists(pk) AND #status = :from',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':empty': [],
      ':message': [message],
      ':from': continuation.from,
      ':status': continuation.status,
      ':outcome': continuation.outcome,
      ':reasons': continuation.reasons,
      ':changes': continuation.statusChanges,
      ':documents': continuation.documents,
      ':evidence': continuation.evidence,
      ':invoices': continuation.invoices,
      ...Object.fromEntries(optional.map((field) => [`:${field}`, continuation[field]])),
    },
  };
}

export function toClaim(item: Record<string, unknown>): ClaimRecord {
  const { pk: _pk, sk: _sk, ...claim } = item;
  return claim as unknown as ClaimRecord;
}
