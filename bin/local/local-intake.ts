import type { DeliverToIntake } from './ses-receiving.ts';
import type { LocalStack } from './local-stack-file.ts';

/**
 * The intake function of the running local stack, in this process: its environment set as npm
 * start sets it, then its handler loaded, which reads its configuration at load as on Lambda.
 */
export async function localIntakeHandler(stack: LocalStack): Promise<DeliverToIntake> {
  // Its log is npm start's business; the command's output is its own lines.
  Object.assign(process.env, stack.intake, { POWERTOOLS_LOG_LEVEL: 'SILENT' });
  const { handler } = await import('../../functions/intake/handler.ts');
  return handler;
}
