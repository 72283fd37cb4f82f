import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { readStackOutputs } from '../stack-outputs.ts';

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

/** Reads the deployment from the stack's outputs, in the stack's region. */
export async function readDeployment(stackName: string, cloudFormation: CloudFormationClient): Promise<Deployment> {
  const { region, output } = await readStackOutputs(cloudFormation, stackName);
  const names = Object.fromEntries(Object.entries(OUTPUTS).map(([name, key]) => [name, output(key)])) as Record<keyof typeof OUTPUTS, string>;
  return { stackName, region, ...names };
}
