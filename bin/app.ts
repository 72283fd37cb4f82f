import { App } from 'aws-cdk-lib';
import { addClaimsIntakeStack } from '../lib/claims-intake-app.ts';
import { addComplianceChecks } from '../lib/compliance.ts';

const app = new App();
addClaimsIntakeStack(app);
addComplianceChecks(app);
