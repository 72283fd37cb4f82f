import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { DECODER_MAX_MEMORY_MB, sharedDocumentDecoder } from '../../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline, DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';
import { readMessageDocuments } from '../../../functions/shared/domain/documents/index.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS, type OcrEngine } from '../../../functions/shared/domain/scans/index.ts';
import type { DocumentFile } from '../../../functions/shared/domain/types.ts';
import { parseMessage } from '../../../functions/shared/pipeline/parse-message.ts';
import { triage } from '../../../functions/shared/pipeline/triage.ts';
import { HOSTILE_DOCUMENTS } from '../../fixtures/hostile/make-hostile-documents.ts';
import { composeMail, envelope, SAMPLE_MEMBERS } from '../../support/contexts.ts';

/** The function's two minutes: only a document's own bounds can stop its reading. */
const CLAIM_TIME_MS = 120_000;
/**
 * Each document stops within its 10-second bound (maxReadMsPerDocument), plus the start of a
 * decoder process and a shared machine's slack.
 */
const MAX_SECONDS_PER_STEP = 15;
/** The decoder process: its ceiling, and what it can allocate in the 5 ms between two samples. */
const MAX_DECODER_RSS_MB = DECODER_MAX_MEMORY_MB + 64;
/** The test's own process, which runs the intake's code: what it holds before (~100 MiB) and the messages. */
const MAX_INTAKE_RSS_MB = 300;

const TIME_LIMIT = 'not read: decoding it passed its 10-second time limit';
const MEMORY_LIMIT = `not read: decoding it needed more than the ${DECODER_MAX_MEMORY_MB} MiB of memory a document may use`;
const SCANNED = 'scanned PDF without a text layer';
const IMAGE = 'image: not read (no OCR)';

/** What the reading step says of each document, then what triage (OCR's decoding included) says of it. */
const EXPECTED: Readonly<Record<string, { readonly read: string; readonly triaged: string; readonly stopped: boolean }>> = {
  'nested-forms.pdf': { read: TIME_LIMIT, triaged: TIME_LIMIT, stopped: true },
  'repeated-stream.pdf': { read: MEMORY_LIMIT, triaged: MEMORY_LIMIT, stopped: true },
  'wide-widths.pdf': { read: MEMORY_LIMIT, triaged: MEMORY_LIMIT, stopped: true },
  // pdf.js follows the loop once and finds the page, whose one word is too short for a text layer.
  'cross-reference-loop.pdf': { read: SCANNED, triaged: SCANNED, stopped: false },
  'flate-bomb.pdf': { read: MEMORY_LIMIT, triaged: MEMORY_LIMIT, stopped: true },
  'deeply-nested.pdf': { read: SCANNED, triaged: SCANNED, stopped: false },
  'huge.tif': { read: IMAGE, triaged: 'page 1 of 100000 x 100000 pixels, over the 50-megapixel read limit', stopped: false },
  'png-bomb.png': { read: IMAGE, triaged: 'page 1 of 12000 x 12000 pixels, over the 50-megapixel read limit', stopped: false },
};

/** A claim from a member, with her number, and one hostile document. */
async function claimWith(file: string): Promise<Buffer> {
  const content = await readFile(new URL(`../../fixtures/hostile/${file}`, import.meta.url));
  return composeMail({
    from: 'Marie Dupont <marie.dupont@example.fr>',
    to: 'claims@claims.example.org',
    subject: "Remboursement - N° d'adhérent 12345678",
    text: 'Bonjour, voici ma facture.',
    attachments: [{ filename: file, content }],
  });
}

/** Time, the peak resident memory of this process (sampled) and of the decoder process, while `work` runs. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; intakeRssMb: number; decoderRssMb: number }> {
  const decoder = sharedDocumentDecoder();
  decoder.peakMemoryMb = 0;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    return { result, seconds, intakeRssMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024, decoderRssMb: decoder.peakMemoryMb };
  } finally {
    clearInterval(sampler);
  }
}

const noOcr: OcrEngine = {
  name: 'tesseract',
  recognize: () => Promise.reject(new Error('no hostile document reaches OCR')),
  release: () => Promise.resolve(),
};

const reading = ({ filename, textRead, notReadReason }: DocumentFile) => ({ filename, textRead, notReadReason });

describe('hostile documents, each mailed by a member with her number', () => {
  afterAll(() => sharedDocumentDecoder().release());

  it.each(HOSTILE_DOCUMENTS.map(({ file, attack }) => [file, attack] as const))('%s (%s): kept, listed unread with why, within time and memory', { timeout: 60_000 }, async (file) => {
    const expected = EXPECTED[file]!;
    const raw = await claimWith(file);
    const mail = await parseMessage(raw);

    const read = await measured(() => readMessageDocuments(mail, { decoder: sharedDocumentDecoder(), deadline: Deadline.in(CLAIM_TIME_MS) }));
    expect(read.result.documents.map(reading)).toEqual([{ filename: file, textRead: false, notReadReason: expected.read }]);
    expect(read.result.documents[0]?.content.length).toBe((await readFile(new URL(`../../fixtures/hostile/${file}`, import.meta.url))).length);
    expect(read.seconds).toBeLessThan(MAX_SECONDS_PER_STEP);
    expect(read.decoderRssMb).toBeLessThan(MAX_DECODER_RSS_MB);
    expect(read.intakeRssMb).toBeLessThan(MAX_INTAKE_RSS_MB);

    const triaged = await measured(() =>
      triage(
        envelope(),
        raw,
        new InMemoryMemberDirectory(SAMPLE_MEMBERS),
        {
          ownAddresses: ['claims@claims.example.org'],
          faxLocalPart: 'fax',
          faxGateways: knownFaxGateways([]),
          scans: { engine: noOcr, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 20_000 },
        },
        Deadline.in(CLAIM_TIME_MS),
      ),
    );
    expect(triaged.result.documents?.map(reading)).toEqual([{ filename: file, textRead: false, notReadReason: expected.triaged }]);
    expect(triaged.result.outcome).toEqual({
      status: 'REVIEW',
      reasons: [
        'member number found in subject',
        'no document reads as a medical invoice, receipt or statement',
        'no evidence of where the treatment took place',
        ...(expected.stopped ? [`${file} ${expected.triaged}`] : []),
      ],
    });
    expect(triaged.seconds).toBeLessThan(MAX_SECONDS_PER_STEP);
    expect(triaged.decoderRssMb).toBeLessThan(MAX_DECODER_RSS_MB);
    expect(triaged.intakeRssMb).toBeLessThan(MAX_INTAKE_RSS_MB);
  });

  // The FlateDecode bomb is left out: making it deflates 1 GiB, which this process need not hold.
  it.each(HOSTILE_DOCUMENTS.filter(({ file }) => file !== 'flate-bomb.pdf').map(({ file, make }) => [file, make] as const))(
    'make-hostile-documents.ts writes %s byte for byte as committed',
    async (file, make) => {
      expect(make().equals(await readFile(new URL(`../../fixtures/hostile/${file}`, import.meta.url)))).toBe(true);
    },
  );
});

describe("a claim's time for reading its documents", () => {
  afterAll(() => sharedDocumentDecoder().release());

  const twoStallingDocuments = async () => {
    const content = await readFile(new URL('../../fixtures/hostile/nested-forms.pdf', import.meta.url));
    return parseMessage(
      await composeMail({
        from: 'Marie Dupont <marie.dupont@example.fr>',
        to: 'claims@claims.example.org',
        subject: "N° d'adhérent 12345678",
        text: 'Deux factures.',
        attachments: ['first.pdf', 'second.pdf'].map((filename) => ({ filename, content })),
      }),
    );
  };

  it('keeps the documents after its reading time unread, with why, and the claim goes on', { timeout: 30_000 }, async () => {
    const mail = await twoStallingDocuments();
    const { documents } = await readMessageDocuments(mail, {
      decoder: sharedDocumentDecoder(),
      deadline: Deadline.in(CLAIM_TIME_MS),
      limits: { maxReadMsPerDocument: 2000, maxReadMsPerClaim: 2000 },
    });
    expect(documents.map(reading)).toEqual([
      { filename: 'first.pdf', textRead: false, notReadReason: 'not read: decoding it passed its 2-second time limit' },
      { filename: 'second.pdf', textRead: false, notReadReason: "the claim's 2-second document reading time ran out" },
    ]);
    expect(documents.map(({ content }) => content.length)).toEqual([2197, 2197]);
  });

  it("stops with DeadlineExceededError when the claim's own time runs out while a document is read", { timeout: 30_000 }, async () => {
    const mail = await twoStallingDocuments();
    await expect(readMessageDocuments(mail, { decoder: sharedDocumentDecoder(), deadline: Deadline.in(1500) })).rejects.toThrow(
      new DeadlineExceededError('reading the documents'),
    );
  });
});
