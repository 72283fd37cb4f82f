import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../bin/cli/decisions.ts';
import type { Target } from '../../bin/cli/target.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { describedStack } from '../support/described-stack.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';

// DynamoDB, S3 and SES are the emulators; CloudFormation, SQS and STS have none here, and answer
// as their API references show.
const cloudFormation = mockClient(CloudFormationClient);
const sqs = mockClient(SQSClient);
const sts = mockClient(STSClient);

const OPERATOR = 'arn:aws:sts::123456789012:assumed-role/ClaimsOperations/jdoe';
const INTAKE_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/ClaimsIntake-IntakeQueue7B2C3D4E-aB1cD2eF3gH4';
const NOTE = 'treatment in Lyon, confirmed by the member on the phone';

let harness: IntakeHarness;
let claim: ClaimRecord;

beforeAll(async () => {
  harness = await startIntakeHarness();
  const { event, sesMessageId } = await harness.receive(await fixture('claims/mixed-us-fr.eml'));
  await harness.handler(event);
  claim = (await harness.claims.findByMessageId(sesMessageId))!;
  cloudFormation.on(DescribeStacksCommand, { StackName: 'ClaimsIntake' }).resolves(describedStack({ IntakeQueueUrl: INTAKE_QUEUE }));
  sqs.on(SendMessageCommand).resolves({ MessageId: '5fea7756-0ea4-451a-a703-a558b933e274', MD5OfMessageBody: 'e0b1c6a2f3d4e5f60718293a4b5c6d7e' });
  sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AROA3XFRBF535PLBIFPI4:jdoe', Account: '123456789012', Arn: OPERATOR });
}, 180_000);

afterAll(async () => {
  cloudFormation.restore();
  sqs.restore();
  sts.restore();
  await harness?.stop();
});

/** The deployed stack's tables and bucket, here the emulators'. */
function deployedTarget(): Target {
  const { resources } = harness.aws;
  return { dynamo: harness.clients.dynamo, s3: harness.clients.s3, membersTable: resources.membersTable, claimsTable: resources.claimsTable, bucket: resources.bucket, close() {} };
}

describe('a decision on a deployed stack', { timeout: 120_000 }, () => {
  it('is recorded by the CLI with the caller ARN, queued for the intake function, and carried out by it: forward and acknowledgement', async () => {
    expect(claim.status).toBe('REVIEW');
    await harness.aws.outbox.clear();

    const result = await decide(deployedTarget(), { stack: 'ClaimsIntake', region: 'eu-west-1' }, claim.reference, { action: 'route', route: 'MAI' }, NOTE);

    expect(result).toMatchObject({ again: false, carriedOut: 'queued', claim: { status: 'RECEIVED', outcome: 'FORWARDED', route: 'MAI' } });
    expect(result.claim.decisions).toEqual([{ action: 'route', route: 'MAI', sends: { forward: 'forward', reply: 'reply-decision-1' }, by: OPERATOR, why: NOTE, at: expect.any(String) }]);
    expect(await harness.aws.outbox.list()).toEqual([]);
    const queued = sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input);
    expect(queued).toEqual([{ QueueUrl: INTAKE_QUEUE, MessageBody: `{"carryOutDecision":{"reference":"${claim.reference}"}}` }]);

    const response = await harness.handler({ Records: [harness.queueRecord('decision-1', queued[0]!.MessageBody!)] });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await harness.claims.get(claim.reference)).toMatchObject({ status: 'FORWARDED' });
    const outbox = await harness.aws.outbox.list();
    expect(outbox.map((email) => ({ to: email.destination.to, subject: email.subject }))).toEqual([
      { to: ['contact@medical-administrators.com'], subject: expect.stringContaining(`Claim [${claim.reference}] – member 12345678`) },
      { to: ['marie.dupont@example.fr'], subject: `Votre demande de remboursement [${claim.reference}] a bien été reçue` },
    ]);

    // The same message delivered again sends nothing more.
    await harness.aws.outbox.clear();
    expect(await harness.handler({ Records: [harness.queueRecord('decision-1', queued[0]!.MessageBody!)] })).toEqual({ batchItemFailures: [] });
    expect(await harness.aws.outbox.list()).toEqual([]);
  });

  it('is not carried out from a queue message naming a claim nobody decided', async () => {
    const { event, sesMessageId } = await harness.receive(await fixture('claims/no-attachment.eml'));
    await harness.handler(event);
    const undecided = (await harness.claims.findByMessageId(sesMessageId))!;
    await harness.aws.outbox.clear();

    const response = await harness.handler({ Records: [harness.queueRecord('forged-1', `{"carryOutDecision":{"reference":"${undecided.reference}"}}`)] });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'forged-1' }] });
    expect(await harness.claims.get(undecided.reference)).toEqual(undecided);
    expect(await harness.aws.outbox.list()).toEqual([]);
  });
});
