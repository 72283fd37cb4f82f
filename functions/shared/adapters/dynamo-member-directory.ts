import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Member, MemberDirectory } from '../domain/types.ts';
import { normalizePhoneNumber } from '../domain/phone-number.ts';
import { MEMBERS_TABLE_DESIGN, memberFaxKey, memberKey } from './table-design.ts';

/** Members in DynamoDB: a profile item per member and one item per registered fax number. */
export class DynamoMemberDirectory implements MemberDirectory {
  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findById(memberId: string): Promise<Member | undefined> {
    const { Item } = await this.dynamo.send(new GetCommand({ TableName: this.tableName, Key: memberKey(memberId) }));
    return Item ? toMember(Item) : undefined;
  }

  async findByEmail(email: string): Promise<Member | undefined> {
    const { Items } = await this.dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: MEMBERS_TABLE_DESIGN.emailIndex.name,
        KeyConditionExpression: '#email = :email',
        ExpressionAttributeNames: { '#email': MEMBERS_TABLE_DESIGN.emailIndex.partitionKey },
        ExpressionAttributeValues: { ':email': email.trim().toLowerCase() },
      }),
    );
    return onlyMember(Items);
  }

  async findByFax(number: string): Promise<Member | undefined> {
    const e164 = normalizePhoneNumber(number);
    if (!e164) return undefined;
    const { Items } = await this.dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: MEMBERS_TABLE_DESIGN.faxIndex.name,
        KeyConditionExpression: '#fax = :fax',
        ExpressionAttributeNames: { '#fax': MEMBERS_TABLE_DESIGN.faxIndex.partitionKey },
        ExpressionAttributeValues: { ':fax': e164 },
      }),
    );
    const memberIds = new Set((Items ?? []).map((item) => String(item.memberId)));
    const [memberId] = memberIds;
    return memberIds.size === 1 && memberId ? this.findById(memberId) : undefined;
  }

  /**
   * Writes a member's profile and fax items (the members import); fax numbers no longer
   * registered are removed, so an old number cannot identify the member any more.
   */
  async save(member: Member): Promise<void> {
    await this.dynamo.send(
      new PutCommand({
        TableName: this.tableName,
        Item: memberProfileItem(member),
      }),
    );
    for (const faxNumber of member.faxNumbers) {
      await this.dynamo.send(new PutCommand({ TableName: this.tableName, Item: memberFaxItem(member.memberId, faxNumber) }));
    }
    const { pk } = memberKey(member.memberId);
    const { Items } = await this.dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :fax)',
        ExpressionAttributeValues: { ':pk': pk, ':fax': 'FAX#' },
      }),
    );
    for (const item of Items ?? []) {
      if (member.faxNumbers.includes(String(item.faxNumber))) continue;
      await this.dynamo.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk: item.sk } }));
    }
  }
}

/** The member's profile item; `emailKey` feeds the email index. */
export function memberProfileItem(member: Member): Record<string, unknown> {
  return { ...memberKey(member.memberId), ...member, emailKey: member.email.trim().toLowerCase() };
}

/** One registered fax number of a member; `faxNumber` feeds the fax index. */
export function memberFaxItem(memberId: string, faxNumber: string): Record<string, unknown> {
  return { ...memberFaxKey(memberId, faxNumber), memberId, faxNumber };
}

/** An address shared by several members cannot say which one is writing. */
function onlyMember(items: Record<string, unknown>[] | undefined): Member | undefined {
  return items?.length === 1 && items[0] ? toMember(items[0]) : undefined;
}

export function toMember(item: Record<string, unknown>): Member {
  return {
    memberId: String(item.memberId),
    firstName: String(item.firstName),
    lastName: String(item.lastName),
    email: String(item.email),
    language: item.language === 'en' ? 'en' : 'fr',
    country: String(item.country),
    status: item.status === 'active' || item.status === 'suspended' ? item.status : 'terminated',
    faxNumbers: Array.isArray(item.faxNumbers) ? item.faxNumbers.map(String) : [],
  };
}
