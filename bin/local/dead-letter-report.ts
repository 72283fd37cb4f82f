import type { DeadLetter, DeliveryResult } from './ses-receiving.ts';

/** The line for a message that failed every delivery, beside the sample it came from. */
export function deadLetteredLine(label: string, result: DeliveryResult): string {
  return `${label.padEnd(26)} DEAD-LETTERED after ${result.attempts} deliveries, raw message kept at ${result.objectKey}`;
}

/**
 * What the deployed dead-letter alarm watches: the intake dead-letter queue's depth. Any message
 * there raises the IntakeDeadLetters alarm (docs/ALARMS.md says what to do).
 */
export function deadLetterDepthLine(deadLetters: readonly DeadLetter[]): string {
  const depth = deadLetters.length;
  const alarm = depth > 0 ? ' (deployed, the IntakeDeadLetters alarm would be raised)' : '';
  return `Dead-letter queue: ${depth} message${depth === 1 ? '' : 's'}${alarm}`;
}
