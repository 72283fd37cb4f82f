import type { Deadline } from '../domain/deadline.ts';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentDecoder } from '../domain/documents/index.ts';
import type { IntakeContext } from './context.ts';
import { countFaxPages } from './count-fax-pages.ts';
import { readDocuments } from './read-documents.ts';
import { readScans, type ScanSettings } from './read-scans.ts';

/** The claim's document reading time, from when its message is read: the body and the documents share it. */
export function claimReadingTime(deadline: Deadline): Deadline {
  return deadline.within(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerClaim);
}

/**
 * What the message's documents say: their text, the scans' by OCR, and a fax's pages counted. A
 * claim is decided on it, and a person's decision carried out with it, read the same way.
 */
export async function readContents(
  context: IntakeContext,
  decoder: DocumentDecoder,
  scans: ScanSettings,
  deadline: Deadline,
  readingTime: Deadline,
): Promise<IntakeContext> {
  return countFaxPages(await readScans(await readDocuments(context, decoder, deadline, readingTime), scans, decoder, deadline));
}
