/**
 * The hostile documents of test/fixtures/hostile/, each in a claim from a member, through the
 * whole intake as the function runs it (AWS in memory), one claim after the other in this
 * process: the seconds each took and the memory of the intake's process and of its decoder
 * process. The worst case is the slowest document, with the highest memory any reached.
 *
 *   node --import tsx bench/scenarios/hostile.ts
 */
import { readFile } from 'node:fs/promises';
import { INTAKE_TIMEOUT_MS } from '../../bin/local/lambda-context.ts';
import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { processReceivedMessage } from '../../functions/shared/pipeline/process-message.ts';
import { CLAIMS_ADDRESS } from '../../test/fixtures/generator/compose-mail.ts';
import { HOSTILE_DOCUMENTS } from '../../test/fixtures/hostile/make-hostile-documents.ts';
import { composeMail, PASSING_VERDICTS } from '../../test/support/contexts.ts';
import { inMemoryIntakeFactory } from '../fakes/in-memory-intake.ts';
import { peakRssBytes } from '../lib/memory.ts';
import { progress, reportResult } from '../lib/scenario-output.ts';
import { round, toMebibytes } from '../lib/stats.ts';
import { BENCH_SENDER } from '../messages/pipeline-messages.ts';
import type { WorstCaseResult } from '../results.ts';

const newIntake = inMemoryIntakeFactory();
const decoder = sharedDocumentDecoder();
const results: WorstCaseResult[] = [];

for (const [index, { file }] of HOSTILE_DOCUMENTS.entries()) {
  const content = await readFile(new URL(`../../test/fixtures/hostile/${file}`, import.meta.url));
  const raw = await composeMail({
    from: { name: 'Marie Dupont', address: BENCH_SENDER.email },
    to: CLAIMS_ADDRESS,
    subject: `Remboursement – N° d'adhérent ${BENCH_SENDER.memberId}`,
    text: 'Bonjour, voici ma facture.',
    attachments: [{ filename: file, content }],
  });
  const intake = newIntake();
  const received = {
    sesMessageId: `hostile-${index}`,
    receivedAt: new Date(),
    envelopeSender: BENCH_SENDER.email,
    recipients: [CLAIMS_ADDRESS],
    verdicts: PASSING_VERDICTS,
    bucket: 'claims-intake-bench',
    objectKey: `incoming/hostile-${index}`,
  };
  intake.store.putRaw(received.bucket, received.objectKey, raw);
  decoder.peakMemoryMb = 0;
  const started = performance.now();
  const claim = await processReceivedMessage(received, intake.dependencies, Deadline.in(INTAKE_TIMEOUT_MS));
  const seconds = round((performance.now() - started) / 1000, 1);
  // The process's high-water mark so far (claims before included: an upper bound) and the decoder's own.
  const peakRssMb = round(toMebibytes(peakRssBytes()) + decoder.peakMemoryMb);
  progress(`${file}: ${claim.status} in ${seconds} s, ${peakRssMb} MiB (${claim.reasons.at(-1)})`);
  results.push({ name: file, seconds, peakRssMb });
}
await decoder.release();
const slowest = results.reduce((found, result) => (result.seconds > found.seconds ? result : found));
// The slowest document, and the highest memory of the corpus run, whichever document reached it.
reportResult('worstCase', { ...slowest, peakRssMb: Math.max(...results.map((result) => result.peakRssMb)) } satisfies WorstCaseResult);
