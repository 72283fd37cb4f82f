import { userInfo } from 'node:os';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { callerIdentity } from '../../../bin/cli/caller-identity.ts';

const sts = mockClient(STSClient);

afterEach(() => sts.reset());

describe('callerIdentity', () => {
  it("is the ARN STS gives for the shell's credentials: a role session names who assumed it", async () => {
    // The shape of the STS API reference's example answer, for an assumed role.
    sts.on(GetCallerIdentityCommand).resolves({
      UserId: 'AROA3XFRBF535PLBIFPI4:jdoe',
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/ClaimsOperations/jdoe',
    });

    expect(await callerIdentity({ region: 'eu-west-1' }, new STSClient({ region: 'eu-west-1' }))).toBe('arn:aws:sts::123456789012:assumed-role/ClaimsOperations/jdoe');
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it('fails rather than record a decision by nobody', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' }));

    await expect(callerIdentity({}, new STSClient({ region: 'eu-west-1' }))).rejects.toThrow('The security token included in the request is expired');
  });

  it("is the user's name on the local stack, without asking AWS", async () => {
    expect(await callerIdentity({ local: true }, new STSClient({ region: 'eu-west-1' }))).toBe(userInfo().username);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
  });
});
