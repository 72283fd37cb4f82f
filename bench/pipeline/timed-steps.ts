import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import type { ReceivedMessage } from '../../functions/shared/events/ses-receipt.ts';
import { acknowledgeMember } from '../../functions/shared/pipeline/acknowledge-member.ts';
import type { IntakeContext } from '../../functions/shared/pipeline/context.ts';
import { countFaxPages } from '../../functions/shared/pipeline/count-fax-pages.ts';
import { decideOutcome } from '../../functions/shared/pipeline/decide-outcome.ts';
import { authenticateSender } from '../../functions/shared/pipeline/authenticate-sender.ts';
import { detectChannel } from '../../functions/shared/pipeline/detect-channel.ts';
import { forwardClaim } from '../../functions/shared/pipeline/forward-claim.ts';
import { holdForReview } from '../../functions/shared/pipeline/hold-for-review.ts';
import { identifyMember } from '../../functions/shared/pipeline/identify-member.ts';
import { locateTreatment, weighClaimDocuments } from '../../functions/shared/pipeline/locate-treatment.ts';
import { noteUnreadDocuments } from '../../functions/shared/pipeline/note-unread-documents.ts';
import { parseMessage } from '../../functions/shared/pipeline/parse-message.ts';
import type { IntakeDependencies } from '../../functions/shared/pipeline/process-message.ts';
import { readBody } from '../../functions/shared/pipeline/read-body.ts';
import { readDocuments } from '../../functions/shared/pipeline/read-documents.ts';
import { claimReadingTime } from '../../functions/shared/pipeline/read-contents.ts';
import { readInvoices } from '../../functions/shared/pipeline/read-invoices.ts';
import { readScans } from '../../functions/shared/pipeline/read-scans.ts';
import { recordClaim } from '../../functions/shared/pipeline/record-claim.ts';
import { screen } from '../../functions/shared/pipeline/screen.ts';
import { PIPELINE_STEPS, type PipelineStep, type StepTimes } from '../results.ts';
import type { Deadline } from '../../functions/shared/domain/deadline.ts';
import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';

export interface TimedClaim {
  readonly claim: ClaimRecord;
  readonly stepMs: StepTimes;
  /** Pages of the documents read as invoices, receipts or statements: what 'read invoices' went through. */
  readonly invoicePages: number;
}

/**
 * processReceivedMessage() and triage() taken apart: the same step functions in the same order,
 * each timed. Whoever changes the pipeline changes this too; sameDecision() catches the drift.
 */
export async function processWithTimedSteps(received: ReceivedMessage, dependencies: IntakeDependencies, deadline: Deadline): Promise<TimedClaim> {
  const stepMs: Record<PipelineStep, number> = Object.fromEntries(PIPELINE_STEPS.map((step) => [step, 0])) as Record<PipelineStep, number>;
  const timed = async <T>(step: PipelineStep, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    stepMs[step] += performance.now() - started;
    return result;
  };
  const { settings } = dependencies;
  const decoder = settings.decoder ?? sharedDocumentDecoder();

  // Opening the raw message counts with parsing it, which reads it as it comes.
  const message = await timed('parse', () => dependencies.store.openRaw(received.bucket, received.objectKey));
  const mail = await timed('parse', () => parseMessage(message));
  const readingTime = claimReadingTime(deadline);
  const body = await timed('read documents', () => readBody({ mail }, decoder, deadline, readingTime));
  const sender = await timed('screen', () => authenticateSender(received.verdicts, mail));
  const screened = await timed('screen', () =>
    screen({ envelope: received, mail, body, sender, ...detectChannel(received, mail, body.text, sender, settings) }, settings.ownAddresses),
  );
  if (screened.screening?.outcome !== 'accept') throw new Error(`The benchmark message was screened out: ${screened.screening?.outcome}`);
  const documentsRead = await timed('read documents', () => readDocuments(screened, decoder, deadline, readingTime));
  const scansRead = await timed('read scans', async () => countFaxPages(await readScans(documentsRead, settings.scans, decoder, deadline)));
  const identified = await timed('identify', () => identifyMember(scansRead, dependencies.directory));
  const located = await timed('locate', () => locateTreatment(identified));
  const invoicesRead = await timed('read invoices', () => readInvoices(located));
  const context: IntakeContext = await timed('locate', () => noteUnreadDocuments(holdForReview(decideOutcome(weighClaimDocuments(invoicesRead)))));
  const recorded = await timed('record', () =>
    recordClaim(context, {
      claims: dependencies.claims,
      store: dependencies.store,
      rawMessage: { bucket: received.bucket, key: received.objectKey },
      now: dependencies.now,
    }),
  );
  const forwarded = await timed('forward', () => forwardClaim(recorded, context, dependencies));
  const claim = await timed('acknowledge', () => acknowledgeMember(forwarded, context, dependencies));
  return { claim, stepMs, invoicePages: invoicePagesOf(context) };
}

/** A scan's pages as OCR read them; a text layer's pages as counted, or one. */
function invoicePagesOf(context: IntakeContext): number {
  const invoiceDocuments = new Set((context.invoices ?? []).map(({ document }) => document));
  return (context.documents ?? [])
    .filter((document) => invoiceDocuments.has(document.filename))
    .reduce((pages, document) => pages + (document.ocr?.pages.length ?? document.pageCount ?? 1), 0);
}

/** What the decision made of the message, without what differs at every run (reference, times). */
const decisionOf = (claim: ClaimRecord) => ({
  outcome: claim.outcome,
  status: claim.status,
  route: claim.route,
  treatmentCountry: claim.treatmentCountry,
  reasons: claim.reasons,
  documents: claim.documents.map(({ filename, sha256, textRead, notReadReason }) => ({ filename, sha256, textRead, notReadReason })),
});

/** Whether the timed steps decided as the pipeline itself did. */
export const sameDecision = (timed: ClaimRecord, pipeline: ClaimRecord): boolean =>
  JSON.stringify(decisionOf(timed)) === JSON.stringify(decisionOf(pipeline));
