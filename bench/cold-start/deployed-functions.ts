import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { addClaimsIntakeStack } from '../../lib/claims-intake-app.ts';
import { ProjectFunction } from '../../lib/constructs/project-function.ts';
import { CDK_JSON_CONTEXT, TEST_ACCOUNT } from '../../test/infra/synth-stack.ts';

export interface DeployedFunction {
  /** "intake", "delivery-events". */
  readonly name: string;
  readonly entry: string;
  readonly bundling: BundlingOptions;
  /** Worker threads bundled beside the handler: file name → absolute path of the module (CDK's afterBundling hook). */
  readonly workers: Readonly<Record<string, string>>;
  /** The function's environment as the stack sets it; references to resources become names that reach nothing. */
  readonly environment: Readonly<Record<string, string>>;
}

/** "DeliveryEvents" → "delivery-events". */
const kebabCase = (id: string) => id.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase();

/**
 * A variable the stack resolves to a reference: a name that reaches nothing, or for a URL
 * attribute (a function URL, which the function's configuration checks is a URL) one under the
 * reserved `.invalid` domain.
 */
function offlineValue(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const [, attribute] = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'] ?? [];
  return attribute?.endsWith('Url') ? `https://offline.invalid/${name.toLowerCase()}` : `offline-${name.toLowerCase()}`;
}

function offlineEnvironment(projectFunction: ProjectFunction): Record<string, string> {
  const cfnFunction = projectFunction.function.node.defaultChild as CfnFunction;
  const resolved = Stack.of(projectFunction).resolve(cfnFunction.environment) as { variables?: Record<string, unknown> } | undefined;
  return Object.fromEntries(Object.entries(resolved?.variables ?? {}).map(([name, value]) => [name, offlineValue(name, value)]));
}

/**
 * Every function of the stack as `cdk synth` configures it (same context), with the entry and
 * the bundling options it is deployed with; CDK's own bundling is skipped.
 */
export function deployedFunctions(): DeployedFunction[] {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, account: TEST_ACCOUNT, 'aws:cdk:bundling-stacks': [] } });
  const stack = addClaimsIntakeStack(app);
  return stack.node
    .findAll()
    .filter((construct): construct is ProjectFunction => construct instanceof ProjectFunction)
    .map((projectFunction) => ({
      name: kebabCase(projectFunction.node.id),
      entry: projectFunction.entry,
      bundling: projectFunction.bundling,
      workers: projectFunction.workers,
      environment: offlineEnvironment(projectFunction),
    }));
}
