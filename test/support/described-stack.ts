import type { DescribeStacksOutput } from '@aws-sdk/client-cloudformation';

/** The deployed ClaimsIntake stack with these outputs, as DescribeStacks answers (API Reference, DescribeStacks). */
export function describedStack(outputs: Record<string, string>): DescribeStacksOutput {
  return {
    Stacks: [
      {
        StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ClaimsIntake/3a1c9c40-5a55-11ef-9b2e-0a7d3c1b2f11',
        StackName: 'ClaimsIntake',
        CreationTime: new Date('2026-11-30T09:00:00Z'),
        StackStatus: 'UPDATE_COMPLETE',
        Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
      },
    ],
  };
}
