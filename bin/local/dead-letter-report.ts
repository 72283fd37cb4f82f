import type { DeliveryResult } from './ses-receiving.ts';

/** The line for a message that failed every delivery, beside the sample it came from. */
export function deadLetteredLine(label: string, result: DeliveryResult): string {
  return `${label.padEnd(26)} DEAD-LETTERED after ${result.attempts} deliveries, raw message kept at ${result.objectKey}`;
}

/**
 * What the deployed dead-letter alarm watches: the intake dead-letter queue's depth. Any message
 * there raises the IntakeDeadLetters alarm (docs/ALARMS.md says what to do); locally,
 * `dlq list --local` shows them and `dlq replay --local` sends them back through the intake.
 */
export function deadLetterDepthLine(depth: number): string {
  const alarm = depth > 0 ? ' (deployed, the IntakeDeadLetters alarm would be raised; claims-intake dlq list --local shows them)' : '';
  return `Dead-letter queue: ${depth} message${depth === 1 ? '' : 's'}${alarm}`;
}
