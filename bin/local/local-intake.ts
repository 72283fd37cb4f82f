import { createAwsClients } from '../../functions/shared/clients.ts';
import { parseIntakeConfig } from '../../functions/shared/config.ts';
import { createIntakeDependencies, type IntakeDependencies } from '../../functions/shared/pipeline/process-message.ts';
import type { DeliverToIntake } from './ses-receiving.ts';
import type { LocalStack } from './local-stack-file.ts';

/**
 * The intake function of the running local stack, in this process: its environment set as npm
 * start sets it, then its handler loaded, which reads its configuration at load as on Lambda.
 */
export async function localIntakeHandler(stack: LocalStack): Promise<DeliverToIntake> {
  setLocalIntakeEnvironment(stack);
  const { handler } = await import('../../functions/intake/handler.ts');
  return handler;
}

/** The intake use case's dependencies as the local stack's intake function has them: its tables, bucket, SES and configuration. */
export function localIntakeDependencies(stack: LocalStack): IntakeDependencies {
  setLocalIntakeEnvironment(stack);
  const config = parseIntakeConfig(process.env);
  return createIntakeDependencies(config, createAwsClients(config));
}

/** The SDK's clients read their credentials and endpoints from the environment, as on Lambda. */
function setLocalIntakeEnvironment(stack: LocalStack): void {
  // The function's log is npm start's business; the command's output is its own lines.
  Object.assign(process.env, stack.intake, { POWERTOOLS_LOG_LEVEL: 'SILENT' });
}
