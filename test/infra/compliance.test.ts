import { App, type AppProps, type Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addClaimsIntakeStack } from '../../lib/claims-intake-app.ts';
import { addComplianceChecks, compliancePacks } from '../../lib/compliance.ts';
import { CDK_JSON_CONTEXT, TEST_ACCOUNT } from './synth-stack.ts';

/** Configurations that change which resources and permissions exist. */
const CONFIGURATIONS = [{}, { ocrEngine: 'textract', maiFaxGatewayAddress: '33142680690@fax.example.net' }];

const newApp = (context: Record<string, unknown>, props: AppProps = {}) =>
  new App({ ...props, context: { ...CDK_JSON_CONTEXT, account: TEST_ACCOUNT, ...context, 'aws:cdk:bundling-stacks': [] } });

interface Finding {
  readonly id: string;
  readonly path: string;
}

function findings(scope: IConstruct): Finding[] {
  return compliancePacks().flatMap((pack) =>
    pack.validateScope(scope).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({ id: violation.ruleName, path: resource.constructPath ?? '' })),
    ),
  );
}

const isWithin = (path: string, scopePath: string) => path === scopePath || path.startsWith(`${scopePath}/`);

describe('compliance with the AWS Solutions, HIPAA Security and Serverless packs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('synthesizes the app as `cdk synth` does, checks and CloudFormation validation included', () => {
    const app = newApp({});
    addClaimsIntakeStack(app);
    addComplianceChecks(app);
    const artifact = app.synth().getStackByName('ClaimsIntake');
    expect(artifact.environment).toMatchObject({ account: TEST_ACCOUNT, region: 'eu-west-1' });
    expect(artifact.terminationProtection).toBe(true);
  });

  it.each(CONFIGURATIONS)('leaves no finding unacknowledged (%j)', (context) => {
    expect(findings(addClaimsIntakeStack(newApp(context)))).toEqual([]);
  });

  it('fails the synth on a finding nobody acknowledged', () => {
    const app = newApp({}, { builtinCloudFormationValidation: false });
    const stack: Stack = addClaimsIntakeStack(app);
    addComplianceChecks(app);
    new Queue(stack, 'Careless', { encryption: QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it.each(CONFIGURATIONS)(
    'acknowledges only findings that would otherwise be reported, each by its rule and with a reason (%j)',
    (context) => {
      const acknowledgements: (Finding & { readonly reason: string })[] = [];
      const validationsOf = Validations.of.bind(Validations);
      vi.spyOn(Validations, 'of').mockImplementation((scope) =>
        Object.assign(Object.create(validationsOf(scope)), {
          acknowledge: (...rules: { id: string; reason: string }[]) => {
            acknowledgements.push(...rules.map((rule) => ({ id: rule.id, reason: rule.reason, path: scope.node.path })));
          },
        }),
      );
      const stack = addClaimsIntakeStack(newApp(context));
      const unacknowledged = findings(stack);

      expect(acknowledgements.length).toBeGreaterThan(0);
      for (const acknowledgement of acknowledgements) {
        expect(acknowledgement.id).toMatch(/^(AwsSolutions|HIPAA\.Security|Serverless)-[A-Za-z0-9]+(\[.+\])?$/);
        expect(acknowledgement.reason.split(' ').length, acknowledgement.id).toBeGreaterThanOrEqual(8);
        const suppressed = unacknowledged.filter((finding) => finding.id === acknowledgement.id && isWithin(finding.path, acknowledgement.path));
        expect(suppressed, `${acknowledgement.id} on ${acknowledgement.path}`).not.toEqual([]);
      }
      for (const finding of unacknowledged) {
        const covering = acknowledgements.filter((acknowledgement) => acknowledgement.id === finding.id && isWithin(finding.path, acknowledgement.path));
        expect(covering, `${finding.id} on ${finding.path}`).not.toEqual([]);
      }
    },
  );
});
