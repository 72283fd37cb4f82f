/**
 * One message through the intake pipeline, AWS held in memory, in a process of its own so its
 * memory peak is its own: median and p95 of the pipeline, beside its floor on the same bytes
 * (mailparser, and pdf.js's text of the pages the intake reads), mailparser alone and base64
 * decoding of its attachments; then the same steps timed one by one.
 *
 *   node --expose-gc --import tsx bench/scenarios/pipeline.ts --message <file.eml> --name <name> --warmups <n> --runs <n> --step-runs <n>
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import type { ReceivedMessage } from '../../functions/shared/events/ses-receipt.ts';
import { DEFAULT_DOCUMENT_LIMITS, detectDocumentType } from '../../functions/shared/domain/documents/index.ts';
import { readPdfText } from '../../functions/shared/domain/documents/pdf-text.ts';
import { messageStream, PARSE_OPTIONS } from '../../functions/shared/pipeline/parse-message.ts';
import { processReceivedMessage } from '../../functions/shared/pipeline/process-message.ts';
import { CLAIMS_ADDRESS } from '../../test/fixtures/generator/compose-mail.ts';
import { PASSING_VERDICTS } from '../../test/support/contexts.ts';
import { inMemoryIntakeFactory } from '../fakes/in-memory-intake.ts';
import { collectGarbage, HeapPeak, peakRssBytes } from '../lib/memory.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { progress, reportResult } from '../lib/scenario-output.ts';
import { median, percentile, round, toMebibytes } from '../lib/stats.ts';
import { BENCH_SENDER } from '../messages/pipeline-messages.ts';
import { processWithTimedSteps, sameDecision } from '../pipeline/timed-steps.ts';
import { PIPELINE_STEPS, type PipelineMeasurement, type StepTimes } from '../results.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { INTAKE_TIMEOUT_MS } from '../../bin/local/lambda-context.ts';
import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';

/** A small real claim that loads and compiles everything a claim uses before anything is measured. */
const WARM_UP_CLAIM = path.join(PROJECT_ROOT, 'test', 'fixtures', 'claims', 'fr-paris-invoice.eml');
const WARM_UP_RUNS = 3;
/**
 * Rounds the timed runs are taken in, the pipeline's then the floor's: the machine is shared and
 * its speed drifts by a third within a minute, which one series after the other would read as a
 * difference between them.
 */
const ROUNDS = 3;
/** Base64 bodies of a MIME message as MailComposer writes them: headers, a blank line, then the lines. */
const BASE64_BODY = /Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/g;

const { values: options } = parseArgs({
  options: {
    message: { type: 'string' },
    name: { type: 'string' },
    warmups: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    'step-runs': { type: 'string', default: '1' },
  },
});
if (options.message === undefined || options.name === undefined) throw new Error('--message and --name are required');

const newIntake = inMemoryIntakeFactory();
/** Each claim has the deployed function's whole timeout, as the first of its batch. */
let runNumber = 0;

function receivedMessage(): ReceivedMessage {
  runNumber += 1;
  return {
    sesMessageId: `bench-${runNumber}`,
    receivedAt: new Date(),
    envelopeSender: BENCH_SENDER.email,
    recipients: [CLAIMS_ADDRESS],
    verdicts: PASSING_VERDICTS,
    bucket: 'claims-intake-bench',
    objectKey: `incoming/bench-${runNumber}`,
  };
}

function mustBeForwarded(claim: ClaimRecord): ClaimRecord {
  if (claim.status !== 'FORWARDED' || claim.acknowledgement === undefined) {
    throw new Error(`The benchmark claim ended ${claim.status} (${claim.reasons.join('; ')}): it must be forwarded and acknowledged`);
  }
  return claim;
}

/**
 * One claim through the whole intake with empty stores. Each run reads the message afresh and
 * hands it over: the process keeps no copy of it between runs, as the function keeps none.
 */
async function timePipeline(file: string): Promise<{ elapsedMs: number; claim: ClaimRecord }> {
  const intake = newIntake();
  const received = receivedMessage();
  intake.store.putRaw(received.bucket, received.objectKey, await readFile(file));
  const started = performance.now();
  const claim = await processReceivedMessage(received, intake.dependencies, Deadline.in(INTAKE_TIMEOUT_MS));
  return { elapsedMs: performance.now() - started, claim: mustBeForwarded(claim) };
}

async function timeSteps(file: string) {
  const intake = newIntake();
  const received = receivedMessage();
  intake.store.putRaw(received.bucket, received.objectKey, await readFile(file));
  const timed = await processWithTimedSteps(received, intake.dependencies, Deadline.in(INTAKE_TIMEOUT_MS));
  mustBeForwarded(timed.claim);
  return timed;
}

/** mailparser alone, fed the message as the intake is (in the pieces a body read from S3 comes in, parsed with its options). */
async function timeMailparser(file: string): Promise<number> {
  const raw = await readFile(file);
  const started = performance.now();
  await simpleParser(messageStream(raw), PARSE_OPTIONS);
  return performance.now() - started;
}

/**
 * The floor: mailparser as in timeMailparser, then pdf.js's text of the pages the intake reads of
 * each PDF it reads (the same limits), in this process: the libraries a claim must run, nothing else.
 */
async function timeFloor(file: string): Promise<number> {
  const raw = await readFile(file);
  const started = performance.now();
  const mail = await simpleParser(messageStream(raw), PARSE_OPTIONS);
  const pdfs = mail.attachments
    .slice(0, DEFAULT_DOCUMENT_LIMITS.maxAttachments)
    .filter(({ content }) => detectDocumentType(content) === 'pdf' && content.length <= DEFAULT_DOCUMENT_LIMITS.maxPdfBytes);
  for (const { content } of pdfs) {
    const reading = await readPdfText(content, DEFAULT_DOCUMENT_LIMITS);
    if (!reading.textRead) throw new Error(`pdf.js did not read a benchmark PDF: ${reading.notReadReason}`);
  }
  return performance.now() - started;
}

function timeBase64Decoding(bodies: readonly string[]): number {
  const started = performance.now();
  let decodedBytes = 0;
  for (const body of bodies) decodedBytes += Buffer.from(body, 'base64').length;
  const elapsed = performance.now() - started;
  if (decodedBytes === 0) throw new Error('The message has no base64 attachment');
  return elapsed;
}

const medianOfSteps = (runs: readonly StepTimes[]): StepTimes =>
  Object.fromEntries(PIPELINE_STEPS.map((step) => [step, round(median(runs.map((run) => run[step])))])) as StepTimes;

for (let run = 0; run < WARM_UP_RUNS; run++) await timePipeline(WARM_UP_CLAIM);
collectGarbage();
const baselineRss = process.memoryUsage.rss();

const messageFile = options.message;

// Memory: one claim of this message after a full collection, the first thing the process does
// with it, so that the peak is that claim's own.
const heapPeak = new HeapPeak();
heapPeak.start();
const { claim: pipelineClaim } = await timePipeline(messageFile);
const peakHeap = heapPeak.stop();
const peakRss = peakRssBytes();

// Time: claim after claim as a warm function runs them, then the floor the same way, each series
// collecting its own garbage; in rounds, so that the pipeline and its floor see the shared machine
// in the same states. No collection is forced between runs: a forced one also costs the next run
// the optimised code that depended on the objects it freed, which a function busy with claims does
// not pay each time.
for (let run = 0; run < Number(options.warmups); run++) await timePipeline(messageFile);
for (let run = 0; run < Number(options.warmups); run++) await timeMailparser(messageFile);
for (let run = 0; run < Number(options.warmups); run++) await timeFloor(messageFile);
const pipelineMs: number[] = [];
const mailparserMs: number[] = [];
const floorMs: number[] = [];
const runsPerRound = Math.ceil(Number(options.runs) / ROUNDS);
while (pipelineMs.length < Number(options.runs)) {
  const roundRuns = Math.min(runsPerRound, Number(options.runs) - pipelineMs.length);
  for (let run = 0; run < roundRuns; run++) {
    const { elapsedMs, claim } = await timePipeline(messageFile);
    if (!sameDecision(claim, pipelineClaim)) throw new Error('Two runs of the same message decided otherwise');
    pipelineMs.push(elapsedMs);
  }
  for (let run = 0; run < roundRuns; run++) floorMs.push(await timeFloor(messageFile));
  for (let run = 0; run < roundRuns; run++) mailparserMs.push(await timeMailparser(messageFile));
}
const base64Ms: number[] = [];
const stepRuns: StepTimes[] = [];
let invoicePages = 0;
for (let run = 0; run < Number(options['step-runs']); run++) {
  const timed = await timeSteps(messageFile);
  if (!sameDecision(timed.claim, pipelineClaim)) {
    throw new Error('The timed steps decided otherwise than the pipeline: bench/pipeline/timed-steps.ts no longer follows it');
  }
  stepRuns.push(timed.stepMs);
  invoicePages = timed.invoicePages;
}

// After the memory peaks are read: the bodies as text are the floor's input, not the claim's.
const raw = await readFile(messageFile);
const base64Bodies = [...raw.toString('latin1').matchAll(BASE64_BODY)].map((match) => match[1] ?? '');
for (let run = 0; run < Number(options.runs); run++) base64Ms.push(timeBase64Decoding(base64Bodies));

const medianMs = median(pipelineMs);
const mailparserMedianMs = median(mailparserMs);
const floorMedianMs = median(floorMs);
const result: PipelineMeasurement = {
  name: options.name,
  bytes: raw.length,
  medianMs: round(medianMs),
  p95Ms: round(percentile(pipelineMs, 95)),
  mailparserMedianMs: round(mailparserMedianMs),
  floorMedianMs: round(floorMedianMs),
  ratio: round(medianMs / floorMedianMs, 2),
  peakRssMb: toMebibytes(peakRss),
  peakHeapMb: toMebibytes(peakHeap),
  runs: pipelineMs.length,
  base64MedianMs: round(median(base64Ms), 2),
  baselineRssMb: toMebibytes(baselineRss),
  documents: pipelineClaim.documents.length,
  documentsRead: pipelineClaim.documents.filter((document) => document.textRead).length,
  stepMedianMs: medianOfSteps(stepRuns),
  invoicePages,
  invoiceMsPerPage: invoicePages > 0 ? round(median(stepRuns.map((run) => run['read invoices'])) / invoicePages, 2) : null,
};
progress(`${options.name}: pipeline ${result.medianMs} ms, floor ${result.floorMedianMs} ms, mailparser ${result.mailparserMedianMs} ms, peak RSS ${result.peakRssMb} MiB`);
await sharedDocumentDecoder().release();
reportResult('pipeline', result);
