import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxEmail } from '../../bin/local/local-aws.ts';
import type { ClaimStatus } from '../../functions/shared/domain/types.ts';
import type { TriageReport } from '../../functions/shared/pipeline/triage-report.ts';
import { HOSTILE_MESSAGES, type HostileMessage } from '../fixtures/hostile/hostile-messages.ts';
import { useIntakeHarness } from '../support/use-intake-harness.ts';

// Every log line the intake writes is checked, the ones below its usual level too.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const run = promisify(execFile);
const MESSAGES = path.resolve('test', 'fixtures', 'hostile', 'messages');

/** The command starts Node and compiles itself (about 2 s here): the bound is for a busy machine. */
const TRIAGE_COMMAND_MAX_MS = 30_000;
/** Peak memory of the whole triage command, Node and its libraries included. */
const TRIAGE_COMMAND_MAX_RSS_MB = 400;
/** Time the handler may take over one hostile message, against the local emulators. */
const HANDLER_MAX_MS = 5_000;
/** Peak memory of the test process (vitest, the S3 and SES emulators and the intake) after each message. */
const HANDLER_PROCESS_MAX_RSS_MB = 512;

interface ExpectedDecision {
  readonly status: ClaimStatus;
  readonly memberId: string | null;
  /** The reasons, in full; for a claim whose evidence lists its file name, the first ones. */
  readonly reasons: readonly string[];
  readonly reasonsInFull: boolean;
  /** Recipients of each message sent, in order. */
  readonly sentTo: readonly (readonly string[])[];
}

const MAI = 'contact@medical-administrators.com';
const MARIE = 'marie.dupont@example.fr';
const BILL = 'bill.smith@example.org';
const KH_EVIDENCE = [
  'member number found in subject',
  'treatment location KH, routed to MAI',
  'invoice.pdf: phone number with country code +855 (KH)',
  'invoice.pdf: place name Phnom Penh (KH)',
  'invoice.pdf: place name Cambodia (KH)',
  'also found, not retained: invoice.pdf: amounts in USD (US)',
];

const EXPECTED: Readonly<Record<string, ExpectedDecision>> = {
  'parts-1200.eml': { status: 'REVIEW', memberId: null, reasons: ['message could not be read: more than 1000 MIME parts'], reasonsInFull: true, sentTo: [] },
  'header-2mb.eml': { status: 'REVIEW', memberId: null, reasons: ['message could not be read: a header block over 1 MB'], reasonsInFull: true, sentTo: [] },
  'rfc822-nested-100.eml': {
    status: 'REVIEW',
    memberId: '12345678',
    reasons: ['member number found in subject', 'no evidence of where the treatment took place'],
    reasonsInFull: true,
    sentTo: [[MARIE]],
  },
  'encoded-word-controls.eml': {
    status: 'FORWARDED',
    memberId: '12345678',
    reasons: ['member number found in subject', 'treatment location FR, routed to MAI'],
    reasonsInFull: false,
    sentTo: [[MAI], [MARIE]],
  },
  'empty-content-type.eml': {
    status: 'REVIEW',
    memberId: '52093817',
    reasons: [...KH_EVIDENCE, 'invoice.pdf was sent without a valid content type'],
    reasonsInFull: true,
    sentTo: [[BILL]],
  },
  'control-content-type.eml': {
    status: 'REVIEW',
    memberId: '52093817',
    reasons: ['member number found in subject', 'no evidence of where the treatment took place', 'receipt.pdf was sent without a valid content type'],
    reasonsInFull: true,
    sentTo: [[BILL]],
  },
  'no-from.eml': {
    status: 'REVIEW',
    memberId: null,
    reasons: ['no member number and no usable sender address'],
    reasonsInFull: true,
    sentTo: [],
  },
  'html-nested-50000.eml': {
    status: 'NEEDS_INFO',
    memberId: '12345678',
    reasons: ['member number found in body', 'no document attached'],
    reasonsInFull: true,
    sentTo: [[MARIE]],
  },
  'forwarded-parts-1200.eml': {
    status: 'REVIEW',
    memberId: '12345678',
    reasons: [
      'member number found in subject',
      'no evidence of where the treatment took place',
      'forwarded.eml is damaged: forwarded message could not be read: more than 1000 MIME parts',
    ],
    reasonsInFull: true,
    sentTo: [[MARIE]],
  },
};

/** Control characters the senders wrote, which must reach no reason, no header we send and no log line: raw or JSON-escaped. */
const SMUGGLED = /[\r\n\u0000\u001b\u202e]|\\[rn]|\\u00(00|1b)|\\u202e/i;

const expectedFor = (message: HostileMessage): ExpectedDecision => {
  const expected = EXPECTED[message.name];
  if (!expected) throw new Error(`no expected decision for ${message.name}`);
  return expected;
};

const rawOf = async (message: HostileMessage): Promise<Buffer> =>
  message.generatedAtTestTime ? message.build() : readFile(path.join(MESSAGES, message.name));

function expectDecision(actual: { status: string; memberId: string | null; reasons: readonly string[] }, expected: ExpectedDecision) {
  expect({ status: actual.status, memberId: actual.memberId }).toEqual({ status: expected.status, memberId: expected.memberId });
  expect(expected.reasonsInFull ? actual.reasons : actual.reasons.slice(0, expected.reasons.length)).toEqual(expected.reasons);
  expect(actual.reasons.filter((reason) => SMUGGLED.test(reason))).toEqual([]);
}

it('has an expected decision for every hostile message, and every message but the generated ones committed', async () => {
  expect(HOSTILE_MESSAGES.map(({ name }) => name).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const message of HOSTILE_MESSAGES.filter(({ generatedAtTestTime }) => !generatedAtTestTime)) {
    expect((await readFile(path.join(MESSAGES, message.name))).equals(message.build()), message.name).toBe(true);
  }
});

describe('claims-intake triage of hostile messages', { timeout: TRIAGE_COMMAND_MAX_MS * 2 }, () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-hostile-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(HOSTILE_MESSAGES.map((message) => [message.name, message] as const))('decides %s, exits 0, in bounded time and memory', async (name, message) => {
    const file = path.join(directory, name);
    await writeFile(file, await rawOf(message));
    const peakMemoryFile = path.join(directory, `${name}.peak`);
    const started = performance.now();
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './test/support/report-peak-memory.ts',
        'bin/claims-intake.ts',
        'triage',
        file,
        '--members',
        'test/fixtures/members.csv',
        '--to',
        'claims@claims.example.org',
        '--verdicts',
        'spam=PASS,virus=PASS,spf=PASS,dkim=PASS,dmarc=PASS',
        '--json',
      ],
      { env: { ...process.env, PEAK_MEMORY_FILE: peakMemoryFile } },
    );
    const elapsedMs = performance.now() - started;

    expect(stderr).toBe('');
    expectDecision(JSON.parse(stdout) as TriageReport, expectedFor(message));
    expect(elapsedMs).toBeLessThan(TRIAGE_COMMAND_MAX_MS);
    expect(Number(await readFile(peakMemoryFile, 'utf8')) / 1024).toBeLessThan(TRIAGE_COMMAND_MAX_RSS_MB);
  });
});

describe('intake handler on hostile messages, against the emulators', () => {
  const harness = useIntakeHarness();

  /** Everything the process writes to stdout and stderr while the handler runs. */
  async function handleCapturingOutput(raw: Buffer) {
    const { event, sesMessageId } = await harness().receive(raw);
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const started = performance.now();
    try {
      const response = await harness().handler(event);
      return { response, sesMessageId, elapsedMs: performance.now() - started, logLines: written.join('').split('\n').filter(Boolean) };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  const headersOf = (email: OutboxEmail) => [
    email.from,
    email.subject,
    ...email.replyTo,
    ...email.destination.to,
    ...email.destination.cc,
    ...email.destination.bcc,
    ...email.attachments.flatMap(({ filename, contentType }) => [filename ?? '', contentType]),
  ];

  it.each(HOSTILE_MESSAGES.map((message) => [message.name, message] as const))(
    'records %s with its decision, sends only what it should, in bounded time and memory',
    async (_name, message) => {
      const expected = expectedFor(message);
      const { response, sesMessageId, elapsedMs, logLines } = await handleCapturingOutput(await rawOf(message));

      expect(response).toEqual({ batchItemFailures: [] });
      const claim = await harness().claims.findByMessageId(sesMessageId);
      expectDecision({ status: claim?.outcome ?? 'none', memberId: claim?.memberId ?? null, reasons: claim?.reasons ?? [] }, expected);
      expect(claim?.rawMessage).toEqual({ bucket: 'claims-intake-documents', key: `incoming/${sesMessageId}` });
      const sent = await harness().aws.outbox.list();
      expect(sent.map((email) => email.destination.to)).toEqual(expected.sentTo);
      expect(sent.flatMap(headersOf).filter((header) => SMUGGLED.test(header))).toEqual([]);
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => SMUGGLED.test(line))).toEqual([]);
      expect(elapsedMs).toBeLessThan(HANDLER_MAX_MS);
      expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(HANDLER_PROCESS_MAX_RSS_MB);
    },
  );
});
