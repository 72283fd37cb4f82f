import type { Readable } from 'node:stream';
import { sharedDocumentDecoder } from '../adapters/isolation/isolated-document-decoder.ts';
import type { Deadline } from '../domain/deadline.ts';
import type { DocumentDecoder } from '../domain/documents/index.ts';
import type { MemberDirectory } from '../domain/types.ts';
import { authenticateSender } from './authenticate-sender.ts';
import type { IntakeContext, MessageEnvelope } from './context.ts';
import { decideOutcome } from './decide-outcome.ts';
import { detectChannel, type ChannelSettings } from './detect-channel.ts';
import { holdForReview } from './hold-for-review.ts';
import { identifyMember } from './identify-member.ts';
import { locateTreatment, weighClaimDocuments } from './locate-treatment.ts';
import { noteUnreadDocuments } from './note-unread-documents.ts';
import { readMessage } from './parse-message.ts';
import { readBody } from './read-body.ts';
import { claimReadingTime, readContents } from './read-contents.ts';
import { readInvoices } from './read-invoices.ts';
import type { ScanSettings } from './read-scans.ts';
import { screen } from './screen.ts';

export interface TriageSettings extends ChannelSettings {
  /** Our own addresses, lower-case: mail from them coming back is a loop. */
  readonly ownAddresses: readonly string[];
  readonly scans: ScanSettings;
  /**
   * Where documents' untrusted bytes are decoded.
   * @default - the process's worker-thread decoder, bounded in time and memory
   */
  readonly decoder?: DocumentDecoder;
}

/**
 * The decision half of the intake, with no side effect but member lookups and OCR: the deployed
 * function and the triage command run exactly this. The raw message is parsed as it is read and
 * not kept: a claim never holds it whole beside its documents and the forward built from them.
 * Documents and OCR take shares of the claim's deadline; when the deadline itself passes, triage
 * stops with DeadlineExceededError (transient: the next try starts with a full budget).
 */
export async function triage(
  envelope: MessageEnvelope,
  message: Buffer | Readable,
  directory: MemberDirectory,
  settings: TriageSettings,
  deadline: Deadline,
): Promise<IntakeContext> {
  const decoder = settings.decoder ?? sharedDocumentDecoder();
  const reading = await readMessage(message);
  const { mail, unreadable } = reading;
  const readingTime = claimReadingTime(deadline);
  const body = await readBody(reading, decoder, deadline, readingTime);
  const sender = await authenticateSender(envelope.verdicts, mail);
  const received: IntakeContext = { envelope, mail, unreadable, body, sender, ...detectChannel(envelope, mail, body.text, sender, settings) };
  const screened = screen(received, settings.ownAddresses);
  // A message that could not be read has nothing more to read: it is decided on its envelope.
  if (screened.screening?.outcome !== 'accept' || unreadable !== undefined) return decideOutcome(screened);
  const identified = await identifyMember(await readContents(screened, decoder, settings.scans, deadline, readingTime), directory);
  return noteUnreadDocuments(holdForReview(decideOutcome(weighClaimDocuments(await readInvoices(locateTreatment(identified))))));
}
