import { screenMessage } from '../domain/screening.ts';
import type { IntakeContext } from './context.ts';

/** Viruses and spam are quarantined; bounces, auto-replies and our own mail coming back are ignored. */
export function screen(context: IntakeContext, ownAddresses: readonly string[]): IntakeContext {
  const screening = screenMessage({
    mail: context.mail,
    verdicts: context.envelope.verdicts,
    envelopeSender: context.envelope.envelopeSender,
    ownAddresses,
  });
  return { ...context, screening };
}
