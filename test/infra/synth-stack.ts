import { readFileSync } from 'node:fs';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { addClaimsIntakeStack } from '../../lib/claims-intake-app.ts';
import type { ClaimsIntakeStack } from '../../lib/claims-intake-stack.ts';

/** The feature flags and settings `cdk synth` runs with. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

/** An account for the tests, so that they never depend on the machine's credentials. */
export const TEST_ACCOUNT = '123456789012';

export interface SynthesizedStack {
  readonly app: App;
  readonly stack: ClaimsIntakeStack;
  readonly template: Template;
}

const synthesized = new Map<string, SynthesizedStack>();

/**
 * The stack as `cdk synth` builds it (same context), with `-c` values added, function bundling
 * skipped, and CDK's built-in CloudFormation validation (about ten seconds per synth) left to the
 * compliance test; synthesized once per context.
 */
export function synthStack(context: Record<string, unknown> = {}): SynthesizedStack {
  const key = JSON.stringify(context);
  const cached = synthesized.get(key);
  if (cached) return cached;
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...CDK_JSON_CONTEXT, account: TEST_ACCOUNT, ...context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = addClaimsIntakeStack(app);
  const result = { app, stack, template: Template.fromStack(stack) };
  synthesized.set(key, result);
  return result;
}

export const logicalId = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
export const refOf = (construct: IConstruct) => ({ Ref: logicalId(construct) });
export const arnOf = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });
/** `Fn::Join` of a resource's ARN and a suffix, as CDK renders object and index ARNs. */
export const arnWithSuffix = (construct: IConstruct, suffix: string) => ({ 'Fn::Join': ['', [arnOf(construct), suffix]] });
