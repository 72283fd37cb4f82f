import type { MemberDirectory } from '../domain/types.ts';
import type { IntakeContext, MessageEnvelope } from './context.ts';
import { decideOutcome } from './decide-outcome.ts';
import { detectChannel } from './detect-channel.ts';
import { identifyMember } from './identify-member.ts';
import { locateTreatment } from './locate-treatment.ts';
import { parseMessage } from './parse-message.ts';
import { readDocuments } from './read-documents.ts';
import { screen } from './screen.ts';

export interface TriageSettings {
  /** Our own addresses, lower-case: mail from them coming back is a loop. */
  readonly ownAddresses: readonly string[];
  readonly faxLocalPart: string;
}

/**
 * The decision half of the intake, with no side effect but member lookups: the deployed function
 * and the triage command run exactly this.
 */
export async function triage(
  envelope: MessageEnvelope,
  raw: Buffer,
  directory: MemberDirectory,
  settings: TriageSettings,
): Promise<IntakeContext> {
  const mail = await parseMessage(raw);
  const received: IntakeContext = {
    envelope,
    raw,
    mail,
    channel: detectChannel(envelope.recipients, settings.faxLocalPart),
  };
  const screened = screen(received, settings.ownAddresses);
  if (screened.screening?.outcome !== 'accept') return decideOutcome(screened);
  const read = await readDocuments(screened);
  const identified = await identifyMember(read, directory);
  return decideOutcome(locateTreatment(identified));
}
