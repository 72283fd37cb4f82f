import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoClaimRepository } from '../../functions/shared/adapters/dynamo-claim-repository.ts';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { manualDecision, nextResend, unfinishedResend, whyNotDecidable, whyNotResendable, type Decision, type ManualDecision, type ResentMessage } from '../../functions/shared/domain/decision.ts';
import { decisionMessageBody } from '../../functions/shared/events/decision-message.ts';
import { carryOutDecision } from '../../functions/shared/pipeline/carry-out-decision.ts';
import { INTAKE_TIMEOUT_MS } from '../local/lambda-context.ts';
import { localIntakeDependencies } from '../local/local-intake.ts';
import { callerIdentity } from './caller-identity.ts';
import { findClaim } from './claims-query.ts';
import { readStackOutputs } from './stack-outputs.ts';
import type { Target, TargetOptions } from './target.ts';
import { RefusedError } from './usage-error.ts';

/** Where the decision was carried out: here, on the local stack, or by the deployed intake function from its queue. */
export type CarriedOut = 'here' | 'queued';

export interface DecisionResult {
  readonly claim: ClaimRecord;
  /** The same decision was recorded already (a second run, or one that stopped half-way): it was carried out again, sending only what was not sent. */
  readonly again: boolean;
  readonly carriedOut: CarriedOut;
}

/**
 * Records a person's decision on a claim waiting for one, then has it carried out: on the local
 * stack by the intake's own use case in this process, with the local intake's configuration; on
 * AWS by the intake function, from a message on its queue, with its configuration (sender
 * address, administrators, status link key) and its permissions. A decision on a claim decided
 * already is refused, unless it is the same decision: then it is carried out again, and the
 * ledger sends only what was not sent.
 */
export async function decide(target: Target, options: TargetOptions, reference: string, decision: Decision, why: string): Promise<DecisionResult> {
  const claims = new DynamoClaimRepository(target.dynamo, target.claimsTable);
  const before = await findClaim(claims, reference);
  const normalized = before.reference;
  const recorded = await claims.recordDecision(normalized, manualDecision(before, decision, await callerIdentity(options), why, new Date()));
  if (!recorded) {
    const current = (await claims.get(normalized)) ?? before;
    if (!isSameDecision(current.decisions?.at(-1), decision)) {
      throw new RefusedError(whyNotDecidable(current) ?? `${normalized} changed while it was being decided: run the command again`);
    }
  }
  const carriedOut = await carryOut(target, options, normalized);
  const claim = (await claims.get(normalized)) ?? before;
  return { claim, again: !recorded, carriedOut };
}

/**
 * Records a person's request to send the claim's forward or reply again, as a message of its own
 * in the claim's ledger, then has it carried out as a decision is. A message never sent is
 * refused: the ledger already sends it, or a person must decide the claim first. A resend of the
 * message recorded but not known sent is carried out again instead of being doubled.
 */
export async function resend(target: Target, options: TargetOptions, reference: string, message: ResentMessage, why: string): Promise<DecisionResult> {
  const claims = new DynamoClaimRepository(target.dynamo, target.claimsTable);
  const claim = await findClaim(claims, reference);
  const normalized = claim.reference;
  const refusal = whyNotResendable(claim, message);
  if (refusal) throw new RefusedError(refusal);
  const again = unfinishedResend(claim, message) !== undefined;
  if (!again && !(await claims.recordResend(normalized, nextResend(claim, message, await callerIdentity(options), why, new Date())))) {
    throw new RefusedError(`${normalized} changed while the resend was being recorded: run the command again`);
  }
  const carriedOut = await carryOut(target, options, normalized);
  return { claim: (await claims.get(normalized)) ?? claim, again, carriedOut };
}

function isSameDecision(recorded: ManualDecision | undefined, decision: Decision): boolean {
  if (recorded?.action !== decision.action) return false;
  return recorded.action !== 'route' || decision.action !== 'route' || recorded.route === decision.route;
}

async function carryOut(target: Target, options: TargetOptions, reference: string): Promise<CarriedOut> {
  if (target.local) {
    await carryOutDecision(reference, localIntakeDependencies(target.local), Deadline.in(INTAKE_TIMEOUT_MS));
    return 'here';
  }
  const config = options.region ? { region: options.region } : {};
  const cloudFormation = new CloudFormationClient(config);
  const { output } = await readStackOutputs(cloudFormation, options.stack).finally(() => cloudFormation.destroy());
  const sqs = new SQSClient(config);
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: output('IntakeQueueUrl'), MessageBody: decisionMessageBody(reference) }));
  } finally {
    sqs.destroy();
  }
  return 'queued';
}
