import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { type FunctionUrl, FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { DEFAULT_STATUS_PAGE_CONCURRENCY } from '../config.ts';
import { ProjectFunction } from './project-function.ts';

/** A page is one table read and, a few times an hour, two secret reads. */
const STATUS_PAGE_TIMEOUT = Duration.seconds(10);

export interface StatusPageFunctionProps {
  readonly claimsTable: TableV2;
  readonly statusLinkSecret: ISecret;
  /** Key of the table and the secret. */
  readonly dataKey: IKey;
  /** Portals the page names, as the acknowledgements do. */
  readonly trackingUrls: { readonly mai: string; readonly cignaUs: string };
  /** Key the log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  readonly logRetention: RetentionDays;
  readonly logLevel: string;
  /**
   * Pages served at once, reserved for the function and capping it: a flood of requests on the
   * public URL is throttled here and cannot take the account's concurrency from the intake.
   * @default DEFAULT_STATUS_PAGE_CONCURRENCY (10)
   */
  readonly reservedConcurrency?: number;
}

/**
 * The claim status page (functions/status-page/handler.ts) behind a function URL: it verifies a
 * link's token and reads the claim it names, and can do nothing else.
 */
export class StatusPageFunction extends ProjectFunction {
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: StatusPageFunctionProps) {
    super(scope, id, {
      entry: 'functions/status-page/handler.ts',
      description: 'the status page members follow their claims on',
      serviceName: 'claims-status-page',
      timeout: STATUS_PAGE_TIMEOUT,
      logEncryptionKey: props.logEncryptionKey,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      reservedConcurrentExecutions: props.reservedConcurrency ?? DEFAULT_STATUS_PAGE_CONCURRENCY,
      environment: {
        CLAIMS_TABLE: props.claimsTable.tableName,
        STATUS_LINK_SECRET_ARN: props.statusLinkSecret.secretArn,
        MAI_TRACKING_URL: props.trackingUrls.mai,
        CIGNA_US_TRACKING_URL: props.trackingUrls.cignaUs,
      },
    });
    // The token in each link is the authorisation: members open it from their mail, unsigned.
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    const { region } = Stack.of(this);
    const statements = [
      new PolicyStatement({ sid: 'ReadClaims', actions: ['dynamodb:GetItem'], resources: [props.claimsTable.tableArn] }),
      new PolicyStatement({ sid: 'ReadStatusLinkKeys', actions: ['secretsmanager:GetSecretValue'], resources: [props.statusLinkSecret.secretArn] }),
      new PolicyStatement({
        sid: 'DecryptClaimsAndKeys',
        actions: ['kms:Decrypt'],
        resources: [props.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': [`dynamodb.${region}.amazonaws.com`, `secretsmanager.${region}.amazonaws.com`] } },
      }),
    ];
    statements.forEach((statement) => this.role.addToPrincipalPolicy(statement));

    const invokedForAnAnswer = 'Invoked synchronously through its function URL: a failed request is answered with an error, there is no event to keep for a retry.';
    Validations.of(this.function).acknowledge(
      { id: 'HIPAA.Security-LambdaDLQ', reason: invokedForAnAnswer },
      { id: 'Serverless-LambdaDLQ', reason: invokedForAnAnswer },
      {
        id: 'HIPAA.Security-LambdaFunctionPublicAccessProhibited',
        reason: 'Anyone may invoke it through its function URL, by design: the signed token in each link is the authorisation, and a request without a valid one gets the not-found page.',
      },
    );
  }
}
