import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClaimRecord, ClaimRepository, CreateClaimResult, DeliveryEvent, SentMessage, SentReply } from '../domain/claim.ts';
import { CLAIMS_TABLE_DESIGN, claimKey, documentKey, messageKey } from './table-design.ts';

/** DynamoDB's limit on keys in one BatchGetItem call. */
const BATCH_GET_LIMIT = 100;

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

  async findByMessageId(sesMessageId: string): Promise<ClaimRecord | undefined> {
    const { Item } = await this.dynamo.send(
      new GetCommand({ TableName: this.tableName, Key: messageKey(sesMessageId), ConsistentRead: true }),
    );
    return typeof Item?.reference === 'string' ? this.get(Item.reference) : undefined;
  }

  async findClaimedDocuments(memberId: string, sha256s: readonly string[]): Promise<Map<string, string>> {
    const claimed = new Map<string, string>();
    const unique = [...new Set(sha256s)];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      const keys = unique.slice(start, start + BATCH_GET_LIMIT).map((sha256) => documentKey(memberId, sha256));
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [this.tableName]: { Keys: keys } };
      while (request && Object.keys(request).length > 0) {
        const response = await this.dynamo.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of response.Responses?.[this.tableName] ?? []) {
          claimed.set(String(item.sha256), String(item.reference));
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
  async create(claim: ClaimRecord, newDocumentHashes: readonly string[]): Promise<CreateClaimResult> {
    const documentItems = claim.memberId
      ? [...new Set(newDocumentHashes)].map((sha256) => ({
          Put: {
            TableName: this.tableName,
            Item: { ...documentKey(claim.memberId as string, sha256), sha256, reference: claim.reference },
          },
        }))
      : [];
    try {
      await this.dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...messageKey(claim.sesMessageId), reference: claim.reference },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...claimKey(claim.reference), ...claim },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...documentItems,
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [messageReason, claimReason] = error.CancellationReasons ?? [];
      if (messageReason?.Code === 'ConditionalCheckFailed') return 'message-already-recorded';
      if (claimReason?.Code === 'ConditionalCheckFailed') return 'reference-taken';
      throw error;
    }
  }

  markForwarded(reference: string, forward: SentMessage, detail: string): Promise<boolean> {
    return this.recordSent(reference, 'forward', forward, { status: 'FORWARDED', at: forward.at, detail });
  }

  markAcknowledged(reference: string, acknowledgement: SentReply): Promise<boolean> {
    return this.recordSent(reference, 'acknowledgement', acknowledgement);
  }

  async recordDeliveryEvent(reference: string, event: DeliveryEvent): Promise<void> {
    await this.dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(reference),
        UpdateExpression: 'SET deliveryEvents = list_append(if_not_exists(deliveryEvents, :empty), :event)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':empty': [], ':event': [event] },
      }),
    );
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

  private async recordSent(
    reference: string,
    field: 'forward' | 'acknowledgement',
    sent: SentMessage,
    statusChange?: { status: 'FORWARDED'; at: string; detail: string },
  ): Promise<boolean> {
    const statusUpdate = statusChange
      ? ', #status = :status, statusHistory = list_append(statusHistory, :change)'
      : '';
    try {
      await this.dynamo.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKey(reference),
          UpdateExpression: `SET #field = :sent${statusUpdate}`,
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#field)',
          ExpressionAttributeNames: { '#field': field, ...(statusChange ? { '#status': 'status' } : {}) },
          ExpressionAttributeValues: {
            ':sent': sent,
            ...(statusChange ? { ':status': statusChange.status, ':change': [statusChange] } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

function toClaim(item: Record<string, unknown>): ClaimRecord {
  const { pk: _pk, sk: _sk, ...claim } = item;
  return claim as unknown as ClaimRecord;
}
