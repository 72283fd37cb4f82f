import {
  CreateTableCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CLAIMS_TABLE_DESIGN, MEMBERS_TABLE_DESIGN } from '../../functions/shared/adapters/table-design.ts';

/** DynamoDB Local creates tables at once; the bound only keeps a broken emulator from hanging the start. */
const TABLE_READY_TIMEOUT_SECONDS = 10;

interface KeyDesign {
  readonly partitionKey: string;
  readonly sortKey?: string;
}

interface IndexDesign extends KeyDesign {
  readonly name: string;
}

interface TableShape extends KeyDesign {
  readonly indexes: readonly IndexDesign[];
}

const MEMBERS_TABLE_SHAPE: TableShape = {
  ...MEMBERS_TABLE_DESIGN,
  indexes: [MEMBERS_TABLE_DESIGN.emailIndex, MEMBERS_TABLE_DESIGN.faxIndex],
};

const CLAIMS_TABLE_SHAPE: TableShape = {
  ...CLAIMS_TABLE_DESIGN,
  indexes: [CLAIMS_TABLE_DESIGN.memberIndex, CLAIMS_TABLE_DESIGN.statusIndex],
};

export interface LocalTableNames {
  readonly membersTable: string;
  readonly claimsTable: string;
}

/** Creates the members and claims tables with the deployed key design and waits until they are active. */
export async function createLocalTables(client: DynamoDBClient, names: LocalTableNames): Promise<void> {
  const tables: [string, TableShape][] = [
    [names.membersTable, MEMBERS_TABLE_SHAPE],
    [names.claimsTable, CLAIMS_TABLE_SHAPE],
  ];
  await Promise.all(
    tables.map(async ([tableName, shape]) => {
      await client.send(new CreateTableCommand(createTableInput(tableName, shape)));
      await waitUntilTableExists({ client, minDelay: 1, maxWaitTime: TABLE_READY_TIMEOUT_SECONDS }, { TableName: tableName });
    }),
  );
}

export async function createLocalBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

function createTableInput(tableName: string, shape: TableShape): CreateTableCommandInput {
  const keyAttributes = [shape, ...shape.indexes].flatMap(({ partitionKey, sortKey }) => (sortKey ? [partitionKey, sortKey] : [partitionKey]));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyAttributes)].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: keySchema(shape),
    GlobalSecondaryIndexes: shape.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index),
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

function keySchema({ partitionKey, sortKey }: KeyDesign): KeySchemaElement[] {
  const hash: KeySchemaElement = { AttributeName: partitionKey, KeyType: 'HASH' };
  return sortKey ? [hash, { AttributeName: sortKey, KeyType: 'RANGE' }] : [hash];
}
