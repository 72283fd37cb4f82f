import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { EncryptionKeys } from './encryption-keys.ts';
import { ProjectFunction } from './project-function.ts';

/** Recording an event is one or two table calls. */
export const DELIVERY_EVENTS_TIMEOUT = Duration.seconds(30);
/** Events handed to one invocation; failures are reported one by one. */
export const DELIVERY_EVENTS_BATCH_SIZE = 10;

export interface DeliveryEventsFunctionProps {
  readonly claimsTable: TableV2;
  /** Key of the table and the queue. */
  readonly dataKey: IKey;
  /** Key the log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
  readonly logLevel: string;
}

/**
 * Records the SES delivery, bounce, complaint and reject events of outgoing mail against the
 * claim (functions/delivery-events/handler.ts): it appends each event to its claim's item (the
 * claim reference travels in the message's tags), and can do nothing else.
 */
export class DeliveryEventsFunction extends ProjectFunction {
  constructor(scope: Construct, id: string, props: DeliveryEventsFunctionProps) {
    super(scope, id, {
      entry: 'functions/delivery-events/handler.ts',
      description: 'the recording of SES delivery events against claims',
      serviceName: 'claims-delivery-events',
      timeout: DELIVERY_EVENTS_TIMEOUT,
      logEncryptionKey: props.logEncryptionKey,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      environment: { CLAIMS_TABLE: props.claimsTable.tableName },
    });

    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'RecordDeliveryEvents',
        // PutItem: a send its events confirm indexes SES's message id to the claim, for the replies that name it.
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.claimsTable.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(EncryptionKeys.dataUseStatement(props.dataKey));
  }
}
