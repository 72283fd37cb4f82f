import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { CLAIMS_TABLE_DESIGN } from '../../functions/shared/adapters/table-design.ts';
import type { ClaimsIntakeConfig } from '../config.ts';
import { ClaimsTables } from './claims-tables.ts';
import type { EmailSending } from './email-sending.ts';
import { EncryptionKeys } from './encryption-keys.ts';
import { ProjectFunction } from './project-function.ts';

/**
 * One run reads every claim waiting for information and sends a reminder to those due one: a
 * query, a read and a send each, a few hundred a minute.
 */
export const REMINDERS_TIMEOUT = Duration.minutes(5);
/**
 * Once a day, in the morning in Europe, where most members write from: a reminder is due on a
 * day, not an hour, and one run sees every claim.
 */
export const REMINDERS_SCHEDULE = Schedule.cron({ minute: '0', hour: '7' });

export interface RemindersFunctionProps {
  readonly config: ClaimsIntakeConfig;
  readonly tables: ClaimsTables;
  /** Key of the tables. */
  readonly dataKey: IKey;
  readonly sending: EmailSending;
  /** Key the log group is encrypted with. */
  readonly logEncryptionKey: IKey;
}

/**
 * The reminders (functions/reminders/handler.ts), run daily by an EventBridge rule: a claim
 * waiting for information gets one reminder, then goes to review. Its role can read the claims
 * waiting, record what it sends and send from the claims address: nothing else.
 */
export class RemindersFunction extends ProjectFunction {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: RemindersFunctionProps) {
    const { config, tables, sending } = props;
    super(scope, id, {
      entry: 'functions/reminders/handler.ts',
      description: 'the reminders of requests for information still unanswered',
      serviceName: 'claims-reminders',
      timeout: REMINDERS_TIMEOUT,
      // One run at a time: a run retried while another goes on would only wait on its sends.
      reservedConcurrentExecutions: 1,
      logEncryptionKey: props.logEncryptionKey,
      logRetention: config.logRetentionDays,
      logLevel: config.logLevel,
      environment: {
        CLAIMS_TABLE: tables.claims.tableName,
        SENDER_ADDRESS: config.senderAddress,
        SES_CONFIGURATION_SET: sending.configurationSet.configurationSetName,
        REMINDER_AFTER_DAYS: String(config.reminderAfterDays),
        REVIEW_AFTER_DAYS: String(config.reviewAfterDays),
        REPLY_LIMIT_PER_DAY: String(config.replyLimitPerDay),
      },
    });

    [
      new PolicyStatement({
        sid: 'FindClaimsWaitingForInformation',
        actions: ['dynamodb:Query'],
        resources: [ClaimsTables.indexArn(tables.claims, CLAIMS_TABLE_DESIGN.statusIndex.name)],
      }),
      new PolicyStatement({
        sid: 'RemindAndReview',
        // TransactWriteItems is authorised item by item: a reminder counts against its address's daily replies.
        // PutItem indexes the reminder's SES message id to the claim, so a reply to it joins the claim.
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [tables.claims.tableArn],
      }),
      EncryptionKeys.dataUseStatement(props.dataKey),
      sending.sendFromStatement(config.senderAddress),
    ].forEach((statement) => this.role.addToPrincipalPolicy(statement));

    this.rule = new Rule(this, 'Daily', {
      description: 'Runs the reminders of requests for information once a day',
      schedule: REMINDERS_SCHEDULE,
      targets: [new LambdaFunction(this.function, { retryAttempts: 2 })],
    });
    const nothingToKeep =
      "A run's event carries nothing but its time: a failed run is retried by EventBridge, and the next day's run reads every claim it missed.";
    Validations.of(this.function).acknowledge(
      { id: 'HIPAA.Security-LambdaDLQ', reason: nothingToKeep },
      { id: 'Serverless-LambdaDLQ', reason: nothingToKeep },
    );
    Validations.of(this.rule).acknowledge({ id: 'Serverless-EventBusDLQ', reason: nothingToKeep });
  }
}
