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
} as const;

export const memberKey = (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'PROFILE' });
export const memberFaxKey = (memberId: string, e164: string) => ({ pk: `MEMBER#${memberId}`, sk: `FAX#${e164}` });
export const claimKey = (reference: string) => ({ pk: `CLAIM#${reference}`, sk: 'CLAIM' });
export const messageKey = (sesMessageId: string) => ({ pk: `MESSAGE#${sesMessageId}`, sk: 'MESSAGE' });
export const documentKey = (memberId: string, sha256: string) => ({ pk: `DOCUMENT#${memberId}#${sha256}`, sk: 'DOCUMENT' });
