import { userInfo } from 'node:os';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { TargetOptions } from './target.ts';

/**
 * Who a decision is recorded as taken by: on AWS the ARN of the identity the shell's credentials
 * stand for (a role session names the person who assumed it), on the local stack the user's name.
 */
export async function callerIdentity(options: Pick<TargetOptions, 'local' | 'region'>, sts?: STSClient): Promise<string> {
  if (options.local) return userInfo().username;
  const client = sts ?? new STSClient(options.region ? { region: options.region } : {});
  try {
    const { Arn } = await client.send(new GetCallerIdentityCommand({}));
    if (!Arn) throw new Error('STS GetCallerIdentity returned no ARN');
    return Arn;
  } finally {
    if (!sts) client.destroy();
  }
}
