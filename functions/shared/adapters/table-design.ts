/**
 * Key design of the two DynamoDB tables, shared by the CDK stack, the local emulators and the
 * repositories so the three cannot drift apart.
 *
 * Members table (single-table):
 *   pk=MEMBER#<memberId> sk=PROFILE   the member; `emailKey` (lower-cased address) feeds the email index
 *   pk=MEMBER#<memberId> sk=FAX#<e164> one item per registered fax number; `faxNumber` feeds the fax index
 * Claims table:
 *   pk=CLAIM#<reference> sk=CLAIM      the claim with its status history; `memberId`+`createdAt` feed the member
 *                                       index, `status`+`createdAt` the status index (the review queue)
 *   pk=MESSAGE#<sesMessageId> sk=MESSAGE  idempotency: which claim a delivered message became
 *   pk=DOCUMENT#<memberId>#<sha256> sk=DOCUMENT  which claim first carried a document for a member
 *   pk=SENT#<sesMessageId> sk=SENT     which claim sent the message SES knows by that id: a reply naming it joins that claim
 *   pk=REPLIES#<sha256 of address> sk=DAY#<YYYY-MM-DD>  replies sent to an address that UTC day (`count`);
 *                                       deleted by the table's TTL (`expiresAt`) once the day is over
 * The claim item also holds the ledger of what the claim sends (`sends`, by message id: see
 * domain/ledger.ts). The reply counts live here rather than in a table of their own: one key
 * design, one encryption key, one backup and one IAM grant; TTL touches only items that carry
 * `expiresAt`, which claims never do.
 */
export const MEMBERS_TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  emailIndex: { name: 'byEmail', partitionKey: 'emailKey' },
  faxIndex: { name: 'byFax', partitionKey: 'faxNumber' },
} as const;

export const CLAIMS_TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  memberIndex: { name: 'byMember', partitionKey: 'memberId', sortKey: 'createdAt' },
  statusIndex: { name: 'byStatus', partitionKey: 'status', sortKey: 'createdAt' },
  timeToLiveAttribute: 'expiresAt',
} as const;

export const memberKey = (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'PROFILE' });
export const memberFaxKey = (memberId: string, e164: string) => ({ pk: `MEMBER#${memberId}`, sk: `FAX#${e164}` });
export const claimKey = (reference: string) => ({ pk: `CLAIM#${reference}`, sk: 'CLAIM' });
export const messageKey = (sesMessageId: string) => ({ pk: `MESSAGE#${sesMessageId}`, sk: 'MESSAGE' });
export const documentKey = (memberId: string, sha256: string) => ({ pk: `DOCUMENT#${memberId}#${sha256}`, sk: 'DOCUMENT' });
export const sentMessageKey = (sesMessageId: string) => ({ pk: `SENT#${sesMessageId}`, sk: 'SENT' });
export const replyCountKey = (recipientHash: string, day: string) => ({ pk: `REPLIES#${recipientHash}`, sk: `DAY#${day}` });
