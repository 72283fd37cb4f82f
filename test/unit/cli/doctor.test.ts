import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeActiveReceiptRuleSetCommand, SESClient } from '@aws-sdk/client-ses';
import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { MxRecord } from 'node:dns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimsIntakeProgram } from '../../../bin/cli/claims-intake-program.ts';
import { addDoctorCommand } from '../../../bin/cli/doctor-command.ts';
import type { ResolveMx } from '../../../bin/cli/doctor/mx-record.ts';
import { rootCommand, runProgram } from '../../../bin/cli/program.ts';
import { describedStack } from '../../support/described-stack.ts';

// No emulator answers these services: each call is answered as its API reference documents the response.
const cloudFormation = mockClient(CloudFormationClient);
const ses = mockClient(SESClient);
const sesV2 = mockClient(SESv2Client);
const dynamo = mockClient(DynamoDBClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const cloudWatch = mockClient(CloudWatchClient);
const sns = mockClient(SNSClient);

const ACCOUNT = '123456789012';
const DOMAIN = 'claims.example.org';
const RULE_SET = 'ClaimsIntake-receipt-rules';
const QUEUE = (name: string) => `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`;
const QUEUES = {
  intake: QUEUE('ClaimsIntake-IntakeQueueQueue1A2B3C4D-aB3dE5fG7hJ9'),
  intakeDeadLetters: QUEUE('ClaimsIntake-IntakeQueueDeadLetterQueue5E6F7A8B-kL2mN4pQ6rS8'),
  events: QUEUE('ClaimsIntake-DeliveryEventsQueueQueue9C0D1E2F-tU3vW5xY7zA9'),
  eventsDeadLetters: QUEUE('ClaimsIntake-DeliveryEventsQueueDeadLetterQueue3A4B5C6D-bC4dE6fG8hJ0'),
};
const ALARM_TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:ClaimsIntake-MonitoringAlarmTopic7D8E9F0A-Qw3Er5Ty7Ui9`;
const MEMBERS_TABLE = 'ClaimsIntake-TablesMembers1A2B3C4D-1QAZ2WSX3EDC';
const CLAIMS_TABLE = 'ClaimsIntake-TablesClaims5E6F7A8B-4RFV5TGB6YHN';
const BUCKET = 'claimsintake-storagebucket9c0d1e2f-7ujm8ik9ol0p';

const OUTPUTS = {
  DomainName: DOMAIN,
  ReceiptRuleSetName: RULE_SET,
  MxRecord: `${DOMAIN} MX 10 inbound-smtp.eu-west-1.amazonaws.com`,
  MembersTableName: MEMBERS_TABLE,
  ClaimsTableName: CLAIMS_TABLE,
  ClaimsBucketName: BUCKET,
  IntakeQueueUrl: QUEUES.intake,
  IntakeDeadLetterQueueUrl: QUEUES.intakeDeadLetters,
  DeliveryEventsQueueUrl: QUEUES.events,
  DeliveryEventsDeadLetterQueueUrl: QUEUES.eventsDeadLetters,
  AlarmTopicArn: ALARM_TOPIC,
};

const activeRuleSet = {
  Metadata: { Name: RULE_SET, CreatedTimestamp: new Date('2026-11-30T09:05:00Z') },
  Rules: [
    {
      Name: 'ClaimsIntake-intake',
      Enabled: true,
      TlsPolicy: 'Require' as const,
      Recipients: [`claims@${DOMAIN}`, `fax@${DOMAIN}`],
      Actions: [{ S3Action: { BucketName: BUCKET, ObjectKeyPrefix: 'incoming/', TopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:ClaimsIntake-IntakeQueueTopic` } }],
      ScanEnabled: true,
    },
  ],
};

const verifiedIdentity = {
  IdentityType: 'DOMAIN' as const,
  FeedbackForwardingStatus: true,
  VerifiedForSendingStatus: true,
  VerificationStatus: 'SUCCESS' as const,
  DkimAttributes: {
    SigningEnabled: true,
    Status: 'SUCCESS' as const,
    Tokens: ['kz4ajbq3mwdhhcuv6ntyiq2dgsvg5b4s', 'v6m2zhbbc3qxzdmsixd5sutefkq6yuzp', 'bs7h3xrszcxqbkplcyxu5cvqeoynnchi'],
    SigningAttributesOrigin: 'AWS_SES' as const,
    NextSigningKeyLength: 'RSA_2048_BIT' as const,
    CurrentSigningKeyLength: 'RSA_2048_BIT' as const,
    LastKeyGenerationTimestamp: new Date('2026-11-30T09:05:00Z'),
  },
  Policies: {},
  Tags: [],
  ConfigurationSetName: 'ClaimsIntake-outgoing',
};

const productionAccount = {
  DedicatedIpAutoWarmupEnabled: false,
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 12 },
  SendingEnabled: true,
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE' as const, 'COMPLAINT' as const] },
};

const activeTable = (TableName: string) => ({ Table: { TableName, TableStatus: 'ACTIVE' as const, TableArn: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${TableName}`, ItemCount: 0 } });
const depth = (messages: number) => ({ Attributes: { ApproximateNumberOfMessages: String(messages) } });

const confirmedSubscription = {
  SubscriptionArn: `${ALARM_TOPIC}:0f4a2b6c-8d1e-4f3a-9b5c-7e2d1a0f9c8b`,
  Owner: ACCOUNT,
  Protocol: 'email',
  Endpoint: 'operations@example.org',
  TopicArn: ALARM_TOPIC,
};

const inboundMx: ResolveMx = async (hostname) => (hostname === DOMAIN ? [{ exchange: 'inbound-smtp.eu-west-1.amazonaws.com', priority: 10 }] : []);

/** A deployment where all is well; each test breaks what it is about. */
function healthyDeployment(): void {
  cloudFormation.on(DescribeStacksCommand, { StackName: 'ClaimsIntake' }).resolves(describedStack(OUTPUTS));
  ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet);
  sesV2.on(GetEmailIdentityCommand, { EmailIdentity: DOMAIN }).resolves(verifiedIdentity);
  sesV2.on(GetAccountCommand).resolves(productionAccount);
  dynamo.on(DescribeTableCommand, { TableName: MEMBERS_TABLE }).resolves(activeTable(MEMBERS_TABLE));
  dynamo.on(DescribeTableCommand, { TableName: CLAIMS_TABLE }).resolves(activeTable(CLAIMS_TABLE));
  s3.on(HeadBucketCommand, { Bucket: BUCKET }).resolves({ BucketRegion: 'eu-west-1' });
  for (const url of Object.values(QUEUES)) sqs.on(GetQueueAttributesCommand, { QueueUrl: url }).resolves(depth(0));
  sqs.on(GetQueueAttributesCommand, { QueueUrl: QUEUES.intake }).resolves(depth(2));
  cloudWatch.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'ClaimsIntake-', StateValue: 'ALARM' }).resolves({ MetricAlarms: [], CompositeAlarms: [] });
  sns.on(ListSubscriptionsByTopicCommand, { TopicArn: ALARM_TOPIC }).resolves({ Subscriptions: [confirmedSubscription] });
}

/** What `claims-intake doctor <args>` prints on stdout and stderr, and its exit code. */
async function doctor(args: readonly string[], resolveMx: ResolveMx = inboundMx) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = rootCommand();
  addDoctorCommand(program, resolveMx);
  const exitCode = await runProgram(program, ['doctor', '--region', 'eu-west-1', ...args]);
  vi.restoreAllMocks();
  return { exitCode, stdout, stderr };
}

const FIX = `${' '.repeat(19)}fix: `;

beforeEach(() => {
  healthyDeployment();
});

afterEach(() => {
  for (const client of [cloudFormation, ses, sesV2, dynamo, s3, sqs, cloudWatch, sns]) client.reset();
  vi.restoreAllMocks();
});

describe('doctor', () => {
  it('says all is well of a healthy deployment, one line per check, and exits 0', async () => {
    const { exitCode, stdout, stderr } = await doctor([]);

    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(stdout.split('\n')).toEqual([
      '✓ receipt rules    ClaimsIntake-receipt-rules is active; its rule is enabled, requires TLS and scans for spam and viruses',
      '✓ MX record        claims.example.org receives through inbound-smtp.eu-west-1.amazonaws.com',
      '✓ domain identity  claims.example.org is verified and signs with DKIM',
      '✓ SES account      production access in eu-west-1, sending enabled',
      `✓ members table    ${MEMBERS_TABLE} is ACTIVE`,
      `✓ claims table     ${CLAIMS_TABLE} is ACTIVE`,
      `✓ bucket           ${BUCKET} is reachable`,
      '✓ intake queue     ClaimsIntake-IntakeQueueQueue1A2B3C4D-aB3dE5fG7hJ9 is reachable, 2 messages waiting',
      '✓ events queue     ClaimsIntake-DeliveryEventsQueueQueue9C0D1E2F-tU3vW5xY7zA9 is reachable, 0 messages waiting',
      '✓ intake failures  ClaimsIntake-IntakeQueueDeadLetterQueue5E6F7A8B-kL2mN4pQ6rS8 is empty',
      '✓ events failures  ClaimsIntake-DeliveryEventsQueueDeadLetterQueue3A4B5C6D-bC4dE6fG8hJ0 is empty',
      '✓ alarms           no alarm of ClaimsIntake in ALARM',
      '✓ alarm mail       alarms are mailed to operations@example.org',
      'all 13 checks passed',
      '',
    ]);
  });

  it('says what is wrong with a broken deployment and what to do, and exits 1', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({});
    sesV2.on(GetEmailIdentityCommand).resolves({
      ...verifiedIdentity,
      VerifiedForSendingStatus: false,
      VerificationStatus: 'PENDING',
      DkimAttributes: { ...verifiedIdentity.DkimAttributes, Status: 'PENDING' },
    });
    sesV2.on(GetAccountCommand).resolves({ ...productionAccount, ProductionAccessEnabled: false, SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 } });
    sqs.on(GetQueueAttributesCommand, { QueueUrl: QUEUES.intakeDeadLetters }).resolves(depth(3));
    cloudWatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'ClaimsIntake-MonitoringIntakeDeadLetters4B7C1D2E-8ZK3Q1W5E7R9',
          AlarmArn: `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:ClaimsIntake-MonitoringIntakeDeadLetters4B7C1D2E-8ZK3Q1W5E7R9`,
          AlarmDescription: 'Intake: messages failed and wait in the dead-letter queue.',
          ActionsEnabled: true,
          AlarmActions: [ALARM_TOPIC],
          StateValue: 'ALARM',
          StateReason: 'Threshold Crossed: 1 datapoint [3.0 (07/12/26 19:00:00)] was greater than or equal to the threshold (1.0).',
          StateUpdatedTimestamp: new Date('2026-12-07T19:01:00Z'),
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Namespace: 'AWS/SQS',
          Statistic: 'Maximum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        },
      ],
      CompositeAlarms: [],
    });
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [{ ...confirmedSubscription, SubscriptionArn: 'PendingConfirmation' }] });
    const noMx: ResolveMx = async (hostname) => {
      throw Object.assign(new Error(`queryMx ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'queryMx', hostname });
    };

    const { exitCode, stdout, stderr } = await doctor([], noMx);

    expect({ exitCode, stderr }).toEqual({ exitCode: 1, stderr: '' });
    expect(stdout.split('\n')).toEqual([
      '✗ receipt rules    no receipt rule set is active, not ClaimsIntake-receipt-rules: no mail reaches the intake',
      `${FIX}aws ses set-active-receipt-rule-set --rule-set-name ClaimsIntake-receipt-rules`,
      '✗ MX record        claims.example.org has no MX record: mail for it goes nowhere',
      `${FIX}publish "claims.example.org MX 10 inbound-smtp.eu-west-1.amazonaws.com" (the stack's MxRecord output) in the domain's DNS zone`,
      '✗ domain identity  claims.example.org is not verified (PENDING), DKIM PENDING: nothing can be sent from it',
      `${FIX}publish the stack's three DkimRecord outputs as CNAME records in the domain's DNS zone; SES looks for them for up to 72 hours`,
      '✗ SES account      SES is in the sandbox in eu-west-1: forwards and acknowledgements reach only verified addresses',
      `${FIX}request production access: SES console, eu-west-1, Account dashboard, "Request production access"`,
      `✓ members table    ${MEMBERS_TABLE} is ACTIVE`,
      `✓ claims table     ${CLAIMS_TABLE} is ACTIVE`,
      `✓ bucket           ${BUCKET} is reachable`,
      '✓ intake queue     ClaimsIntake-IntakeQueueQueue1A2B3C4D-aB3dE5fG7hJ9 is reachable, 2 messages waiting',
      '✓ events queue     ClaimsIntake-DeliveryEventsQueueQueue9C0D1E2F-tU3vW5xY7zA9 is reachable, 0 messages waiting',
      '✗ intake failures  ClaimsIntake-IntakeQueueDeadLetterQueue5E6F7A8B-kL2mN4pQ6rS8 holds 3 messages that failed',
      `${FIX}follow IntakeDeadLetters in docs/ALARMS.md: find the cause in the function's log, fix it, then move the messages back (aws sqs start-message-move-task)`,
      '✓ events failures  ClaimsIntake-DeliveryEventsQueueDeadLetterQueue3A4B5C6D-bC4dE6fG8hJ0 is empty',
      '✗ alarms           1 in ALARM: ClaimsIntake-MonitoringIntakeDeadLetters4B7C1D2E-8ZK3Q1W5E7R9',
      `${FIX}read why in the CloudWatch console and follow the runbook of each in docs/ALARMS.md`,
      '✗ alarm mail       operations@example.org has not confirmed the alarm subscription: alarms are not mailed',
      `${FIX}open the mail "AWS Notification - Subscription Confirmation" in that mailbox and follow its link`,
      '7 of 13 checks failed',
      '',
    ]);
  });

  it('says which rule of the active rule set lost TLS, scanning or its enabling', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({ ...activeRuleSet, Rules: [{ ...activeRuleSet.Rules[0]!, Enabled: false, TlsPolicy: 'Optional', ScanEnabled: false }] });

    const { exitCode, stdout } = await doctor([]);

    expect(exitCode).toBe(1);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      '✗ receipt rules    rule ClaimsIntake-intake is disabled; rule ClaimsIntake-intake accepts mail without TLS; rule ClaimsIntake-intake does not scan for spam and viruses',
      `${FIX}deploy the stack again (npx cdk deploy) to restore it`,
    ]);
  });

  it('reads every page of alarms in ALARM, composite alarms included', async () => {
    cloudWatch
      .on(DescribeAlarmsCommand, { AlarmNamePrefix: 'ClaimsIntake-', StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] })
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'ClaimsIntake-MonitoringIntakeErrors1F2E3D4C-5B6A7980', StateValue: 'ALARM' }], CompositeAlarms: [], NextToken: 'page-2' })
      .resolvesOnce({ MetricAlarms: [], CompositeAlarms: [{ AlarmName: 'ClaimsIntake-MailStopped-0A1B2C3D', StateValue: 'ALARM' }] });

    const { stdout } = await doctor([]);

    expect(stdout.split('\n').slice(11, 12)).toEqual(['✗ alarms           2 in ALARM: ClaimsIntake-MonitoringIntakeErrors1F2E3D4C-5B6A7980, ClaimsIntake-MailStopped-0A1B2C3D']);
  });

  it('says where the MX record points when it is not SES', async () => {
    const otherMx: ResolveMx = async () => [{ exchange: 'mx1.mailhost.example.net', priority: 10 }, { exchange: 'inbound-smtp.eu-west-1.amazonaws.com', priority: 20 }] satisfies MxRecord[];

    const { stdout } = await doctor([], otherMx);

    expect(stdout.split('\n').slice(1, 3)).toEqual([
      '✗ MX record        claims.example.org has MX mx1.mailhost.example.net, not only inbound-smtp.eu-west-1.amazonaws.com: mail to it does not all reach SES',
      `${FIX}publish "claims.example.org MX 10 inbound-smtp.eu-west-1.amazonaws.com" (the stack's MxRecord output) in the domain's DNS zone and remove the others`,
    ]);
  });

  it('fails only the check whose AWS call fails, with the error name, and runs the others', async () => {
    dynamo.on(DescribeTableCommand, { TableName: CLAIMS_TABLE }).rejects(
      new DynamoDBServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'User is not authorized to perform: dynamodb:DescribeTable' }),
    );

    const { exitCode, stdout, stderr } = await doctor([]);

    expect({ exitCode, stderr }).toEqual({ exitCode: 1, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.slice(4, 7)).toEqual([
      `✓ members table    ${MEMBERS_TABLE} is ACTIVE`,
      '✗ claims table     could not check (AccessDeniedException)',
      `${FIX}check the shell's credentials and region, and that they allow dynamodb:DescribeTable; then run doctor again`,
    ]);
    expect(lines.at(-2)).toBe('1 of 13 checks failed');
  });

  it('says the DNS error when the MX lookup fails', async () => {
    const failingDns: ResolveMx = async (hostname) => {
      throw Object.assign(new Error(`queryMx ESERVFAIL ${hostname}`), { code: 'ESERVFAIL', syscall: 'queryMx', hostname });
    };

    const { exitCode, stdout } = await doctor([], failingDns);

    expect(exitCode).toBe(1);
    expect(stdout.split('\n').slice(1, 3)).toEqual([
      '✗ MX record        could not check (ESERVFAIL)',
      `${FIX}check that this machine can resolve names (dig MX claims.example.org); then run doctor again`,
    ]);
  });

  it('fails a check that does not answer in time, without waiting for it', async () => {
    sns.on(ListSubscriptionsByTopicCommand).callsFake(() => new Promise(() => {}));
    const started = performance.now();

    const { exitCode, stdout } = await doctor(['--timeout', '1']);

    expect(performance.now() - started).toBeLessThan(3000);
    expect(exitCode).toBe(1);
    expect(stdout.split('\n').slice(-4)).toEqual([
      '✗ alarm mail       could not check (DeadlineExceededError)',
      `${FIX}check the shell's credentials and region, and that they allow sns:ListSubscriptionsByTopic; then run doctor again`,
      '1 of 13 checks failed',
      '',
    ]);
  });

  it('prints the results as JSON with --json', async () => {
    sqs.on(GetQueueAttributesCommand, { QueueUrl: QUEUES.eventsDeadLetters }).resolves(depth(1));

    const { exitCode, stdout } = await doctor(['--json']);

    const report = JSON.parse(stdout) as { ok: boolean; checks: { name: string; ok: boolean; detail: string; fix?: string }[] };
    expect(exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks.map((check) => check.name)).toEqual([
      'receipt rules', 'MX record', 'domain identity', 'SES account', 'members table', 'claims table', 'bucket',
      'intake queue', 'events queue', 'intake failures', 'events failures', 'alarms', 'alarm mail',
    ]);
    expect(report.checks.filter((check) => !check.ok)).toEqual([
      {
        name: 'events failures',
        ok: false,
        detail: 'ClaimsIntake-DeliveryEventsQueueDeadLetterQueue3A4B5C6D-bC4dE6fG8hJ0 holds 1 message that failed',
        fix: "follow DeliveryEventsDeadLetters in docs/ALARMS.md: find the cause in the function's log, fix it, then move the messages back (aws sqs start-message-move-task)",
      },
    ]);
  });

  it('says which output a stack deployed from an older version lacks, in one line, exit 2', async () => {
    const { DomainName: _, ...olderOutputs } = OUTPUTS;
    cloudFormation.on(DescribeStacksCommand).resolves(describedStack(olderOutputs));

    expect(await doctor([])).toEqual({ exitCode: 2, stdout: '', stderr: 'claims-intake: stack ClaimsIntake has no output DomainName: deploy this version of the stack\n' });
  });
});

describe('doctor --help', () => {
  it('gives its usage, what it checks, its exit codes, every option and an example', async () => {
    let text = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    });

    const exitCode = await runProgram(claimsIntakeProgram(), ['doctor', '--help']);

    expect(exitCode).toBe(0);
    expect(text.split('\n\n').map((paragraph) => paragraph.replace(/\n\s*/g, ' ').trim())).toEqual([
      'Usage: claims-intake doctor [options]',
      'Checks a deployment on AWS and says what is wrong and what to do.',
      "Checks, each at once and each within its own time: the active receipt rule set and its rule, the MX record, the domain identity and its DKIM, SES production access, the tables, bucket and queues, the dead-letter queues' depths, the alarms in ALARM and the alarm mail subscription. One line per check, and under a failed one what to do. Exit codes: 0 all is well; 1 a check failed, or AWS refused to describe the stack; 2 bad arguments, no such stack, or a stack without the outputs doctor reads.",
      "Options: --stack <name>       the deployed stack whose outputs name what to check, with the shell's credentials (default: \"ClaimsIntake\") --region <region>    the stack's region (default: the shell's) --timeout <seconds>  how long each check may take (default: 10) --json               print the results as JSON -h, --help           display help for command",
      'Examples: $ claims-intake doctor $ claims-intake doctor --stack ClaimsIntake --region eu-west-1 --json',
    ]);
  });
});
