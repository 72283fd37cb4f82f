import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { UsageError } from '../usage-error.ts';

/** What `doctor` checks, named by the stack's outputs (lib/claims-intake-stack.ts). */
export interface Deployment {
  readonly stackName: string;
  readonly region: string;
  readonly domain: string;
  readonly ruleSetName: string;
  readonly membersTable: string;
  readonly claimsTable: string;
  readonly bucket: string;
  readonly intakeQueueUrl: string;
  readonly intakeDeadLetterQueueUrl: string;
  readonly deliveryEventsQueueUrl: string;
  readonly deliveryEventsDeadLetterQueueUrl: string;
  readonly alarmTopicArn: string;
}

const OUTPUTS = {
  domain: 'DomainName',
  ruleSetName: 'ReceiptRuleSetName',
  membersTable: 'MembersTableName',
  claimsTable: 'ClaimsTableName',
  bucket: 'ClaimsBucketName',
  intakeQueueUrl: 'IntakeQueueUrl',
  intakeDeadLetterQueueUrl: 'IntakeDeadLetterQueueUrl',
  deliveryEventsQueueUrl: 'DeliveryEventsQueueUrl',
  deliveryEventsDeadLetterQueueUrl: 'DeliveryEventsDeadLetterQueueUrl',
  alarmTopicArn: 'AlarmTopicArn',
} as const satisfies Record<string, string>;

/** Reads the deployment from the stack's outputs; its region is the one in the stack's ARN. */
export async function readDeployment(stackName: string, cloudFormation: CloudFormationClient): Promise<Deployment> {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName })).catch((error: unknown) => {
    // What CloudFormation answers for a stack that does not exist in the region.
    if (error instanceof Error && error.name === 'ValidationError') throw new UsageError(`no stack ${stackName} here: ${error.message}`);
    throw error;
  });
  const stack = Stacks?.[0];
  const outputs = new Map((stack?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const output = (key: string) => {
    const value = outputs.get(key);
    if (!value) throw new UsageError(`stack ${stackName} has no output ${key}: deploy this version of the stack`);
    return value;
  };
  const names = Object.fromEntries(Object.entries(OUTPUTS).map(([name, key]) => [name, output(key)])) as Record<keyof typeof OUTPUTS, string>;
  // arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>
  const region = stack?.StackId?.split(':')[3] ?? '';
  return { stackName, region, ...names };
}
