import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { CLAIMS_TABLE_DESIGN, MEMBERS_TABLE_DESIGN } from '../../functions/shared/adapters/table-design.ts';

export interface ClaimsTablesProps {
  /** Customer managed key both tables are encrypted with. */
  readonly encryptionKey: IKey;
  /**
   * What happens to the tables when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The members and claims tables, keyed as functions/shared/adapters/table-design.ts says: on-demand,
 * encrypted with the customer managed key, point-in-time recovery, deletion protection.
 */
export class ClaimsTables extends Construct {
  readonly members: TableV2;
  readonly claims: TableV2;

  constructor(scope: Construct, id: string, props: ClaimsTablesProps) {
    super(scope, id);
    const common = {
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(props.encryptionKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    };

    this.members = new TableV2(this, 'Members', {
      ...common,
      partitionKey: stringKey(MEMBERS_TABLE_DESIGN.partitionKey),
      sortKey: stringKey(MEMBERS_TABLE_DESIGN.sortKey),
      globalSecondaryIndexes: [MEMBERS_TABLE_DESIGN.emailIndex, MEMBERS_TABLE_DESIGN.faxIndex].map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        projectionType: ProjectionType.ALL,
      })),
    });

    this.claims = new TableV2(this, 'Claims', {
      ...common,
      partitionKey: stringKey(CLAIMS_TABLE_DESIGN.partitionKey),
      sortKey: stringKey(CLAIMS_TABLE_DESIGN.sortKey),
      // Only the daily reply counts carry it: claims are never expired.
      timeToLiveAttribute: CLAIMS_TABLE_DESIGN.timeToLiveAttribute,
      globalSecondaryIndexes: [CLAIMS_TABLE_DESIGN.memberIndex, CLAIMS_TABLE_DESIGN.statusIndex].map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
    });
  }

  /** ARN of one of a table's indexes, for IAM statements scoped to it. */
  static indexArn(table: TableV2, indexName: string): string {
    return `${table.tableArn}/index/${indexName}`;
  }
}
