import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { arnOf, logicalId, refOf, synthStack } from './synth-stack.ts';

interface PolicyStatement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

describe('status page', () => {
  it('lets only the intake and the status page read the status link key', () => {
    const { stack, template } = synthStack({});
    const readers = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as PolicyStatement[])
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')))
        .map((statement) => ({ roles: policy.Properties.Roles, action: statement.Action, resource: statement.Resource })),
    );
    expect(readers).toEqual([
      { roles: [refOf(stack.statusPage.role)], action: 'secretsmanager:GetSecretValue', resource: refOf(stack.statusLinkSecret) },
      { roles: [refOf(stack.intake.role)], action: 'secretsmanager:GetSecretValue', resource: refOf(stack.statusLinkSecret) },
    ]);
  });

  it('generates the key in Secrets Manager, 64 letters and digits, encrypted with the data key', () => {
    const { stack, template } = synthStack({});
    expect(template.toJSON().Resources[logicalId(stack.statusLinkSecret)].Properties).toEqual({
      Description: 'Claims intake: signs the links members follow their claims on',
      GenerateSecretString: { ExcludePunctuation: true, IncludeSpace: false, PasswordLength: 64 },
      KmsKeyId: arnOf(stack.keys.data),
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });

  it('serves the page through a function URL anyone may open, the token being the authorisation', () => {
    const { stack, template } = synthStack({});
    const fn = arnOf(stack.statusPage.function);
    template.resourceCountIs('AWS::Lambda::Url', 1);
    template.hasResourceProperties('AWS::Lambda::Url', Match.exact({ AuthType: 'NONE', TargetFunctionArn: fn }));
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).map((permission) => permission.Properties);
    expect(permissions.filter((permission) => JSON.stringify(permission.FunctionName) === JSON.stringify(fn))).toEqual([
      { Action: 'lambda:InvokeFunctionUrl', FunctionName: fn, FunctionUrlAuthType: 'NONE', Principal: '*' },
      { Action: 'lambda:InvokeFunction', FunctionName: fn, InvokedViaFunctionUrl: true, Principal: '*' },
    ]);
  });

  it('runs with 256 MB for 10 seconds at most, its logs kept and encrypted like the others, configured with the table, the key and the portals', () => {
    const { stack, template } = synthStack({ logRetentionDays: '90', maiTrackingUrl: 'https://tracking.mai.example.net/fr', logLevel: 'WARN' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: refOf(stack.statusPage.logGroup) },
      Environment: {
        Variables: Match.exact({
          CLAIMS_TABLE: refOf(stack.tables.claims),
          STATUS_LINK_SECRET_ARN: refOf(stack.statusLinkSecret),
          MAI_TRACKING_URL: 'https://tracking.mai.example.net/fr',
          CIGNA_US_TRACKING_URL: 'https://www.cignaenvoy.com',
          POWERTOOLS_SERVICE_NAME: 'claims-status-page',
          POWERTOOLS_METRICS_NAMESPACE: 'ClaimsIntake',
          POWERTOOLS_LOG_LEVEL: 'WARN',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
    expect(template.toJSON().Resources[logicalId(stack.statusPage.logGroup)].Properties).toEqual({
      KmsKeyId: arnOf(stack.keys.operations),
      RetentionInDays: 90,
    });
  });

  it('reserves 10 concurrent pages by default, or as configured, and leaves the other functions on the shared pool', () => {
    const reservations = (context: Record<string, unknown>) => {
      const { stack, template } = synthStack(context);
      const resources = template.toJSON().Resources;
      return [stack.statusPage, stack.intake, stack.deliveryEvents].map(
        (fn) => resources[logicalId(fn.function)].Properties.ReservedConcurrentExecutions,
      );
    };
    expect(reservations({})).toEqual([10, undefined, undefined]);
    expect(reservations({ statusPageConcurrency: '3' })).toEqual([3, undefined, undefined]);
  });

  it('gives the intake the page URL, the key and links that work as long as the claims are kept', () => {
    const { stack, template } = synthStack({ retentionDays: '400' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'claims-intake',
          STATUS_PAGE_URL: { 'Fn::GetAtt': [logicalId(stack.statusPage.url), 'FunctionUrl'] },
          STATUS_LINK_SECRET_ARN: refOf(stack.statusLinkSecret),
          STATUS_LINK_VALIDITY_DAYS: '400',
        }),
      },
    });
  });
});
