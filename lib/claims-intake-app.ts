import type { App } from 'aws-cdk-lib';
import { ClaimsIntakeStack } from './claims-intake-stack.ts';
import { readClaimsIntakeConfig } from './config.ts';

/** Adds the claims intake stack, configured from the app's context (cdk.json and `-c`). */
export function addClaimsIntakeStack(app: App): ClaimsIntakeStack {
  const config = readClaimsIntakeConfig(app);
  return new ClaimsIntakeStack(app, config.stackName, {
    config,
    // A fixed environment: tables encrypted with a customer managed key need a concrete region.
    env: { account: config.account, region: config.region },
    description: `Claims intake for ${config.domain}: receives, routes, forwards and acknowledges health-insurance claims`,
    terminationProtection: true,
  });
}
