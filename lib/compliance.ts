import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The rule packs the app is checked against: AWS Solutions, HIPAA Security and Serverless. */
export function compliancePacks(scope?: IConstruct) {
  return [new AwsSolutionsChecks(scope, { verbose: true }), new HIPAASecurityChecks(scope, { verbose: true }), new ServerlessChecks(scope, { verbose: true })];
}

/** Registers the packs: any finding not acknowledged (with its reason) fails the synth. */
export function addComplianceChecks(app: App): void {
  Validations.of(app).addPlugins(...compliancePacks(app));
}
