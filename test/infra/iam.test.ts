import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type { ProjectFunction } from '../../lib/constructs/project-function.ts';
import { arnOf, arnWithSuffix, logicalId, refOf, synthStack, TEST_ACCOUNT } from './synth-stack.ts';

const lambdaTrust = {
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
  Version: '2012-10-17',
};
const xray = { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' };

/** Taking messages from the queue, as an SQS event source does. */
const consumes = (queue: IQueue) => ({
  Effect: 'Allow',
  Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
  Resource: arnOf(queue),
});

/** Encrypting and decrypting with the data key, which encrypts the claims data in tables and queues. */
const usesTheDataKey = (key: IConstruct) => ({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: arnOf(key) });

/** Sending as claims@claims.example.fr only, through the outgoing configuration set. */
const sendsFromTheClaimsAddress = {
  Sid: 'SendFromTheClaimsAddress',
  Effect: 'Allow',
  Action: 'ses:SendEmail',
  Resource: [
    `arn:aws:ses:eu-west-1:${TEST_ACCOUNT}:configuration-set/ClaimsIntake-outgoing`,
    `arn:aws:ses:eu-west-1:${TEST_ACCOUNT}:identity/claims.example.fr`,
  ],
  Condition: { StringEquals: { 'ses:FromAddress': 'claims@claims.example.fr' } },
};

/** The function's role holds one policy, which grants writing its logs, tracing, these, and nothing else. */
function expectGrantsExactly(template: Template, projectFunction: ProjectFunction, statements: readonly object[]): void {
  template.hasResourceProperties('AWS::IAM::Policy', {
    Roles: [refOf(projectFunction.role)],
    PolicyDocument: Match.exact({
      Statement: [
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(projectFunction.logGroup) },
        xray,
        ...statements,
      ],
      Version: '2012-10-17',
    }),
  });
}

describe('IAM, function by function', () => {
  it('lets the intake read received mail, store documents, look members up, record claims, use the data key, send from the claims address, read the status link key and consume its queue: nothing else', () => {
    const { stack, template } = synthStack({ domain: 'claims.example.fr' });
    const { storage, tables, keys, intake, intakeQueue, statusLinkSecret } = stack;
    template.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: lambdaTrust, ManagedPolicyArns: Match.absent() });
    expectGrantsExactly(template, intake, [
      { Sid: 'ReadReceivedMail', Effect: 'Allow', Action: 's3:GetObject', Resource: arnWithSuffix(storage.bucket, '/incoming/*') },
      { Sid: 'StoreExtractedDocuments', Effect: 'Allow', Action: 's3:PutObject', Resource: arnWithSuffix(storage.bucket, '/documents/*') },
      { Sid: 'ReadMembers', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: arnOf(tables.members) },
      {
        Sid: 'FindMembersByEmailOrFax',
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: [arnWithSuffix(tables.members, '/index/byEmail'), arnWithSuffix(tables.members, '/index/byFax')],
      },
      {
        Sid: 'RecordClaims',
        Effect: 'Allow',
        Action: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: arnOf(tables.claims),
      },
      usesTheDataKey(keys.data),
      sendsFromTheClaimsAddress,
      { Sid: 'SignStatusLinks', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: refOf(statusLinkSecret) },
      consumes(intakeQueue.queue),
    ]);
  });

  it('adds Textract, which has no resource-level permissions, only when it is the OCR engine', () => {
    const statementsOf = (ocrEngine: string) => {
      const { stack, template } = synthStack({ ocrEngine });
      const [policy] = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [refOf(stack.intake.role)] } }));
      return policy?.Properties.PolicyDocument.Statement as { Action: string | string[] }[];
    };
    const textract = { Sid: 'ReadScans', Effect: 'Allow', Action: 'textract:AnalyzeExpense', Resource: '*' };
    expect(statementsOf('textract')).toContainEqual(textract);
    expect(statementsOf('tesseract')).not.toContainEqual(textract);
    expect(statementsOf('tesseract').flatMap((statement) => statement.Action).filter((action) => action.startsWith('textract:'))).toEqual([]);
  });

  it('lets the delivery-events function update claims and index what they sent, use the data key and consume its queue: nothing else', () => {
    const { stack, template } = synthStack({ domain: 'claims.example.fr' });
    const { tables, keys, deliveryEvents, deliveryEventsQueue } = stack;
    expectGrantsExactly(template, deliveryEvents, [
      { Sid: 'RecordDeliveryEvents', Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: arnOf(tables.claims) },
      usesTheDataKey(keys.data),
      consumes(deliveryEventsQueue.queue),
    ]);
  });

  it('lets the reminders function find the claims waiting for information, update them, use the data key and send from the claims address: nothing else', () => {
    const { stack, template } = synthStack({ domain: 'claims.example.fr' });
    const { tables, keys, reminders } = stack;
    expectGrantsExactly(template, reminders, [
      { Sid: 'FindClaimsWaitingForInformation', Effect: 'Allow', Action: 'dynamodb:Query', Resource: arnWithSuffix(tables.claims, '/index/byStatus') },
      { Sid: 'RemindAndReview', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: arnOf(tables.claims) },
      usesTheDataKey(keys.data),
      sendsFromTheClaimsAddress,
    ]);
  });

  it('lets the status page function read a claim, read the status link key and decrypt them through those services: nothing else', () => {
    const { stack, template } = synthStack({ region: 'us-east-1' });
    const { statusPage, tables, keys, statusLinkSecret } = stack;
    expectGrantsExactly(template, statusPage, [
      { Sid: 'ReadClaims', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: arnOf(tables.claims) },
      { Sid: 'ReadStatusLinkKeys', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: refOf(statusLinkSecret) },
      {
        Sid: 'DecryptClaimsAndKeys',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: arnOf(keys.data),
        Condition: { StringEquals: { 'kms:ViaService': ['dynamodb.us-east-1.amazonaws.com', 'secretsmanager.us-east-1.amazonaws.com'] } },
      },
    ]);
  });

  it('gives every role its own inline policy and no managed policy', () => {
    const { template } = synthStack({ domain: 'claims.example.fr' });
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles).toHaveLength(6);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('functions', () => {
  it('run Node.js 22 on ARM64 with tracing, the Powertools settings and source maps; the intake with 1536 MB and the configuration it reads', () => {
    const { stack, template } = synthStack({
      domain: 'claims.example.fr',
      maiFaxGatewayAddress: '33142680690@fax.example.net',
      logLevel: 'DEBUG',
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1536,
      Timeout: 337,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: refOf(stack.intake.logGroup) },
      Environment: {
        Variables: Match.exact({
          CLAIMS_BUCKET: refOf(stack.storage.bucket),
          MEMBERS_TABLE: refOf(stack.tables.members),
          CLAIMS_TABLE: refOf(stack.tables.claims),
          SENDER_ADDRESS: 'claims@claims.example.fr',
          INTAKE_ADDRESSES: 'claims@claims.example.fr,fax@claims.example.fr',
          FAX_LOCAL_PART: 'fax',
          MAI_CLAIMS_ADDRESS: 'contact@medical-administrators.com',
          CIGNA_US_CLAIMS_ADDRESS: 'Ice.Team@Cigna.com',
          MAI_FAX_GATEWAY_ADDRESS: '33142680690@fax.example.net',
          MAI_TRACKING_URL: 'http://expat.cigna.medical-administrators.com/fr',
          CIGNA_US_TRACKING_URL: 'https://www.cignaenvoy.com',
          SES_CONFIGURATION_SET: refOf(stack.sending.configurationSet),
          OCR_ENGINE: 'tesseract',
          OCR_TIME_LIMIT_SECONDS: '20',
          FAX_GATEWAYS: '[]',
          STATUS_PAGE_URL: { 'Fn::GetAtt': [logicalId(stack.statusPage.url), 'FunctionUrl'] },
          STATUS_LINK_SECRET_ARN: refOf(stack.statusLinkSecret),
          STATUS_LINK_VALIDITY_DAYS: '365',
          REPLY_LIMIT_PER_DAY: '5',
          MALLOC_MMAP_THRESHOLD_: '67108864',
          MALLOC_TRIM_THRESHOLD_: '268435456',
          POWERTOOLS_SERVICE_NAME: 'claims-intake',
          POWERTOOLS_METRICS_NAMESPACE: 'ClaimsIntake',
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 30,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: refOf(stack.deliveryEvents.logGroup) },
      Environment: {
        Variables: Match.exact({
          CLAIMS_TABLE: refOf(stack.tables.claims),
          POWERTOOLS_SERVICE_NAME: 'claims-delivery-events',
          POWERTOOLS_METRICS_NAMESPACE: 'ClaimsIntake',
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
  });
});
