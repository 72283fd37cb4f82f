import { CloudFormationClient, CloudFormationServiceException, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../bin/cli/target.ts';
import { UsageError } from '../../../bin/cli/usage-error.ts';
import { describedStack } from '../../support/described-stack.ts';

// No emulator answers CloudFormation: DescribeStacks is answered as AWS documents it (API Reference, DescribeStacks).
const cloudFormation = mockClient(CloudFormationClient);

afterEach(() => {
  cloudFormation.reset();
});

describe('--stack', () => {
  it("takes the tables and the bucket from the stack's outputs", async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'ClaimsIntake' }).resolves(
      describedStack({
        MembersTableName: 'ClaimsIntake-MembersTable1A2B3C-XYZ',
        ClaimsTableName: 'ClaimsIntake-ClaimsTable4D5E6F-XYZ',
        ClaimsBucketName: 'claimsintake-claimsbucket7g8h9i-xyz',
        IntakeQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/ClaimsIntake-IntakeQueue',
      }),
    );

    const target = await resolveTarget({ stack: 'ClaimsIntake', region: 'eu-west-1' });
    target.close();

    expect({ members: target.membersTable, claims: target.claimsTable, bucket: target.bucket }).toEqual({
      members: 'ClaimsIntake-MembersTable1A2B3C-XYZ',
      claims: 'ClaimsIntake-ClaimsTable4D5E6F-XYZ',
      bucket: 'claimsintake-claimsbucket7g8h9i-xyz',
    });
  });

  it('says which output a stack deployed from an older version lacks', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves(describedStack({ MembersTableName: 'm', ClaimsTableName: 'c' }));

    await expect(resolveTarget({ stack: 'ClaimsIntake', region: 'eu-west-1' })).rejects.toEqual(
      new UsageError('stack ClaimsIntake has no output ClaimsBucketName: deploy this version of the stack'),
    );
  });

  it('says so when no stack has that name in the region', async () => {
    cloudFormation.on(DescribeStacksCommand).rejects(
      new CloudFormationServiceException({ name: 'ValidationError', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Stack with id Nope does not exist' }),
    );

    await expect(resolveTarget({ stack: 'Nope', region: 'eu-west-1' })).rejects.toEqual(new UsageError('no stack Nope here: Stack with id Nope does not exist'));
  });
});
