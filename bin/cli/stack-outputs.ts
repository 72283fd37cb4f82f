import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { UsageError } from './usage-error.ts';

/** A deployed stack as the CLI reads it: its region and its outputs. */
export interface StackOutputs {
  /** The region in the stack's ARN: arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>. */
  readonly region: string;
  /** The output's value; a stack without it was deployed from an older version. */
  output(key: string): string;
}

export async function readStackOutputs(cloudFormation: CloudFormationClient, stackName: string): Promise<StackOutputs> {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName })).catch((error: unknown) => {
    // What CloudFormation answers for a stack that does not exist in the region.
    if (error instanceof Error && error.name === 'ValidationError') throw new UsageError(`no stack ${stackName} here: ${error.message}`);
    throw error;
  });
  const stack = Stacks?.[0];
  const outputs = new Map((stack?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  return {
    region: stack?.StackId?.split(':')[3] ?? '',
    output(key) {
      const value = outputs.get(key);
      if (!value) throw new UsageError(`stack ${stackName} has no output ${key}: deploy this version of the stack`);
      return value;
    },
  };
}
