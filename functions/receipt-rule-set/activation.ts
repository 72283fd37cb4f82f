import { DescribeActiveReceiptRuleSetCommand, RuleSetDoesNotExistException, SetActiveReceiptRuleSetCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import * as z from 'zod/mini';

/**
 * Which rule set the resource made active, and which one was active just before it: the one to
 * give back when the resource goes (a deleted stack, or the rollback of a failed deployment).
 * Both live in the physical id, the only thing CloudFormation hands back on delete.
 */
export interface Activation {
  readonly ruleSetName: string;
  readonly previousRuleSetName?: string;
}

/** Rule set names hold letters, digits, '.', '_' and '-' only: this cannot occur in one. */
const PREVIOUS_SEPARATOR = '+restores+';

export function physicalIdOf(activation: Activation): string {
  return activation.previousRuleSetName === undefined ? activation.ruleSetName : `${activation.ruleSetName}${PREVIOUS_SEPARATOR}${activation.previousRuleSetName}`;
}

export function activationOf(physicalId: string): Activation {
  const [ruleSetName = physicalId, previousRuleSetName] = physicalId.split(PREVIOUS_SEPARATOR);
  return previousRuleSetName === undefined ? { ruleSetName } : { ruleSetName, previousRuleSetName };
}

const resourceProperties = z.object({ RuleSetName: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/)) });

/** What the CDK provider framework expects back from its onEvent handler. */
export interface ActivationResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: { readonly PreviousRuleSetName: string };
}

/**
 * The custom resource behind lib/constructs/active-receipt-rule-set.ts. Create and update make the
 * intake's rule set the active one, remembering the one they replace; delete gives that one back
 * (or deactivates, when there was none or it is gone), and only if the intake's is still the
 * active one: a rule set someone made active since is left alone.
 */
export async function handleActivationEvent(event: CloudFormationCustomResourceEvent, ses: SESClient, logger: Logger): Promise<ActivationResponse> {
  if (event.RequestType === 'Delete') {
    await release(activationOf(event.PhysicalResourceId), ses, logger);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const { RuleSetName: ruleSetName } = resourceProperties.parse(event.ResourceProperties);
  const prior = event.RequestType === 'Update' ? activationOf(event.PhysicalResourceId) : undefined;
  const active = await activeRuleSetName(ses);
  // The one to give back is whatever was active, unless it is this resource's own doing.
  const activeIsOurs = active === ruleSetName || active === prior?.ruleSetName;
  const previousRuleSetName = activeIsOurs ? prior?.previousRuleSetName : active;
  if (active !== ruleSetName) await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: ruleSetName }));
  logger.info('receipt rule set active', { ruleSetName, previousRuleSetName: previousRuleSetName ?? null });
  const activation = previousRuleSetName === undefined ? { ruleSetName } : { ruleSetName, previousRuleSetName };
  return { PhysicalResourceId: physicalIdOf(activation), Data: { PreviousRuleSetName: previousRuleSetName ?? '' } };
}

async function release(activation: Activation, ses: SESClient, logger: Logger): Promise<void> {
  const active = await activeRuleSetName(ses);
  if (active !== activation.ruleSetName) {
    logger.info('receipt rule set no longer active: left as it is', { ruleSetName: activation.ruleSetName, active: active ?? null });
    return;
  }
  if (activation.previousRuleSetName !== undefined) {
    try {
      await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: activation.previousRuleSetName }));
      logger.info('previous receipt rule set active again', { ruleSetName: activation.previousRuleSetName });
      return;
    } catch (error) {
      if (!(error instanceof RuleSetDoesNotExistException)) throw error;
      logger.warn('previous receipt rule set no longer exists: none left active', { ruleSetName: activation.previousRuleSetName });
    }
  }
  // Without a name, SetActiveReceiptRuleSet leaves no rule set active.
  await ses.send(new SetActiveReceiptRuleSetCommand({}));
  logger.info('receipt rule set deactivated', { ruleSetName: activation.ruleSetName });
}

/** The active rule set's name; DescribeActiveReceiptRuleSet answers `{}` when none is active. */
async function activeRuleSetName(ses: SESClient): Promise<string | undefined> {
  const { Metadata } = await ses.send(new DescribeActiveReceiptRuleSetCommand({}));
  return Metadata?.Name;
}
