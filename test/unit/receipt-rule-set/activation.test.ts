import { Logger } from '@aws-lambda-powertools/logger';
import {
  DescribeActiveReceiptRuleSetCommand,
  type DescribeActiveReceiptRuleSetCommandOutput,
  RuleSetDoesNotExistException,
  SESClient,
  SetActiveReceiptRuleSetCommand,
} from '@aws-sdk/client-ses';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { activationOf, handleActivationEvent, physicalIdOf } from '../../../functions/receipt-rule-set/activation.ts';

const OURS = 'ClaimsIntake-receipt-rules';
const THEIRS = 'newsletter-rules';
const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:123456789012:function:ClaimsIntake-ReceivingActivationProviderframeworko-Xy12Ab34Cd56';

const ses = mockClient(SESClient);
const client = new SESClient({ region: 'eu-west-1' });
const logger = new Logger({ serviceName: 'activation-test', logLevel: 'SILENT' });
const $metadata = { httpStatusCode: 200, requestId: '3f1c2b6e-5d4a-4c3b-9a8f-7e6d5c4b3a21', attempts: 1, totalRetryDelay: 0 };

/** DescribeActiveReceiptRuleSet's answer when `name` is active: its metadata and its rules. */
function activeRuleSet(name: string): DescribeActiveReceiptRuleSetCommandOutput {
  return {
    $metadata,
    Metadata: { Name: name, CreatedTimestamp: new Date('2026-11-02T09:14:27.118Z') },
    Rules: [
      {
        Name: 'intake',
        Enabled: true,
        TlsPolicy: 'Require',
        Recipients: ['claims@claims.example.org', 'fax@claims.example.org'],
        Actions: [{ S3Action: { BucketName: 'claimsintake-storage', ObjectKeyPrefix: 'incoming/', TopicArn: 'arn:aws:sns:eu-west-1:123456789012:received' } }],
        ScanEnabled: true,
      },
    ],
  };
}
/** What it answers when no rule set is active. */
const NONE_ACTIVE: DescribeActiveReceiptRuleSetCommandOutput = { $metadata };

const request = {
  ServiceToken: SERVICE_TOKEN,
  ResponseURL: 'https://cloudformation-custom-resource-response-euwest1.s3-eu-west-1.amazonaws.com/arn%3Aaws%3Acloudformation%3Aeu-west-1?X-Amz-Signature=EXAMPLE',
  StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ClaimsIntake/5b918d10-cd98-11ef-9c4d-0a8f5e2b1c3d',
  RequestId: 'a1b2c3d4-0f9e-4d8c-b7a6-112233445566',
  LogicalResourceId: 'ReceivingActivationSetActive1A2B3C4D',
  ResourceType: 'Custom::ActiveReceiptRuleSet',
  ResourceProperties: { ServiceToken: SERVICE_TOKEN, RuleSetName: OURS },
};
const createEvent: CloudFormationCustomResourceCreateEvent = { ...request, RequestType: 'Create' };
const deleteEvent = (physicalResourceId: string): CloudFormationCustomResourceDeleteEvent => ({ ...request, RequestType: 'Delete', PhysicalResourceId: physicalResourceId });
const updateEvent = (physicalResourceId: string, ruleSetName: string, oldRuleSetName: string): CloudFormationCustomResourceUpdateEvent => ({
  ...request,
  RequestType: 'Update',
  PhysicalResourceId: physicalResourceId,
  ResourceProperties: { ServiceToken: SERVICE_TOKEN, RuleSetName: ruleSetName },
  OldResourceProperties: { ServiceToken: SERVICE_TOKEN, RuleSetName: oldRuleSetName },
});

/** The SetActiveReceiptRuleSet calls made, in order: `{}` deactivates. */
const activations = () => ses.commandCalls(SetActiveReceiptRuleSetCommand).map((call) => call.args[0].input);

beforeEach(() => {
  ses.reset();
  ses.on(SetActiveReceiptRuleSetCommand).resolves({ $metadata });
});

describe('activating the intake rule set (create)', () => {
  it('reads the active rule set first, makes ours active, and keeps the one it replaced in the physical id', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet(THEIRS));

    const response = await handleActivationEvent(createEvent, client, logger);

    expect(response).toEqual({ PhysicalResourceId: `${OURS}+restores+${THEIRS}`, Data: { PreviousRuleSetName: THEIRS } });
    expect(ses.calls().map((call) => call.args[0].constructor.name)).toEqual(['DescribeActiveReceiptRuleSetCommand', 'SetActiveReceiptRuleSetCommand']);
    expect(activations()).toEqual([{ RuleSetName: OURS }]);
  });

  it('has nothing to give back when no rule set was active', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(NONE_ACTIVE);

    expect(await handleActivationEvent(createEvent, client, logger)).toEqual({ PhysicalResourceId: OURS, Data: { PreviousRuleSetName: '' } });
    expect(activations()).toEqual([{ RuleSetName: OURS }]);
  });

  it('fails the deployment when SES refuses to activate ours', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(NONE_ACTIVE);
    ses.on(SetActiveReceiptRuleSetCommand).rejects(new RuleSetDoesNotExistException({ message: `Rule set does not exist: ${OURS}`, $metadata, Name: OURS }));

    await expect(handleActivationEvent(createEvent, client, logger)).rejects.toBeInstanceOf(RuleSetDoesNotExistException);
  });
});

describe('giving the rule set back (delete, and the rollback of a failed create)', () => {
  it('restores the rule set that was active before, when the rollback of a failed create deletes the resource', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolvesOnce(activeRuleSet(THEIRS)).resolves(activeRuleSet(OURS));
    const created = await handleActivationEvent(createEvent, client, logger);

    const response = await handleActivationEvent(deleteEvent(created.PhysicalResourceId), client, logger);

    expect(response).toEqual({ PhysicalResourceId: created.PhysicalResourceId });
    expect(activations()).toEqual([{ RuleSetName: OURS }, { RuleSetName: THEIRS }]);
  });

  it('deactivates ours when it is still active and none was active before it', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet(OURS));

    await handleActivationEvent(deleteEvent(OURS), client, logger);

    expect(activations()).toEqual([{}]);
  });

  it('leaves alone a rule set someone made active since: it switches off nobody else\'s mail', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet('support-desk-rules'));

    await handleActivationEvent(deleteEvent(`${OURS}+restores+${THEIRS}`), client, logger);

    expect(activations()).toEqual([]);
  });

  it('does nothing when no rule set is active any more', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(NONE_ACTIVE);

    await handleActivationEvent(deleteEvent(OURS), client, logger);

    expect(activations()).toEqual([]);
  });

  it('deactivates ours when the rule set to give back has been deleted since', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet(OURS));
    ses
      .on(SetActiveReceiptRuleSetCommand, { RuleSetName: THEIRS })
      .rejects(new RuleSetDoesNotExistException({ message: `Rule set does not exist: ${THEIRS}`, $metadata, Name: THEIRS }));

    await handleActivationEvent(deleteEvent(`${OURS}+restores+${THEIRS}`), client, logger);

    expect(activations()).toEqual([{ RuleSetName: THEIRS }, {}]);
  });
});

describe('updating the resource', () => {
  it('keeps the physical id, and calls nothing but the read, when ours is still active', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet(OURS));

    const response = await handleActivationEvent(updateEvent(`${OURS}+restores+${THEIRS}`, OURS, OURS), client, logger);

    expect(response).toEqual({ PhysicalResourceId: `${OURS}+restores+${THEIRS}`, Data: { PreviousRuleSetName: THEIRS } });
    expect(activations()).toEqual([]);
  });

  it('activates a renamed rule set and carries over what the old one was to give back', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet(OURS));

    const response = await handleActivationEvent(updateEvent(`${OURS}+restores+${THEIRS}`, 'ClaimsIntake-v2-rules', OURS), client, logger);

    expect(response).toEqual({ PhysicalResourceId: `ClaimsIntake-v2-rules+restores+${THEIRS}`, Data: { PreviousRuleSetName: THEIRS } });
    expect(activations()).toEqual([{ RuleSetName: 'ClaimsIntake-v2-rules' }]);
  });

  it('takes ours back from a rule set made active since, and gives that one back later', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(activeRuleSet('support-desk-rules'));

    const response = await handleActivationEvent(updateEvent(`${OURS}+restores+${THEIRS}`, OURS, OURS), client, logger);

    expect(response.PhysicalResourceId).toBe(`${OURS}+restores+support-desk-rules`);
    expect(activations()).toEqual([{ RuleSetName: OURS }]);
  });

  it('refuses a rule set name SES would not accept', async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves(NONE_ACTIVE);
    await expect(handleActivationEvent({ ...createEvent, ResourceProperties: { ServiceToken: SERVICE_TOKEN, RuleSetName: 'rules+x' } }, client, logger)).rejects.toThrow();
    expect(ses.calls()).toEqual([]);
  });
});

describe('the physical id', () => {
  it('reads back what it was made of', () => {
    expect(activationOf(physicalIdOf({ ruleSetName: OURS, previousRuleSetName: THEIRS }))).toEqual({ ruleSetName: OURS, previousRuleSetName: THEIRS });
    expect(activationOf(physicalIdOf({ ruleSetName: OURS }))).toEqual({ ruleSetName: OURS });
  });
});
