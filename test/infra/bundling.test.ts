import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type Metafile } from 'esbuild';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLE_BUDGET_BYTES } from '../../bench/budgets.ts';
import { bundleContents, HEAVY_MODULES } from '../../bench/cold-start/bundle-contents.ts';
import { esbuildOptionsOf } from '../../bench/cold-start/cdk-esbuild-options.ts';
import { deployedFunctions } from '../../bench/cold-start/deployed-functions.ts';
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import type { IsolatedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import { TesseractEngine } from '../../functions/shared/adapters/ocr/tesseract-engine.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { readMessageDocuments } from '../../functions/shared/domain/documents/index.ts';
import { knownFaxGateways } from '../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../../functions/shared/domain/scans/index.ts';
import type { IntakeContext } from '../../functions/shared/pipeline/context.ts';
import { parseMessage } from '../../functions/shared/pipeline/parse-message.ts';
import { triage, type TriageSettings } from '../../functions/shared/pipeline/triage.ts';
import { ESBUILD_COMMAND, workerBundlingArguments } from '../../lib/constructs/project-function.ts';
import { type CharsetSample, encodeIn, SAMPLES } from '../unit/charsets/legacy-charset-samples.ts';
import { documentReading } from '../support/document-reading.ts';
import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIME_FIXTURES = new URL('../fixtures/third-party/mime/', import.meta.url);
/**
 * The real messages that declare a charset other than UTF-8: ISO-8859-1 and US-ASCII, which
 * libmime reads as windows-1252 (the project's own fixtures are all UTF-8). One more names its
 * attachment in ISO-2022-JP, below.
 */
const LEGACY_CHARSET_FIXTURES = [
  'flanker-enclosed.eml',
  'flanker-encoded-header.eml',
  'flanker-iphone.eml',
  'flanker-russian-attachment-yahoo.eml',
  'flanker-text-only.eml',
  'mikel-mail-attachment_message_rfc822.eml',
  'mikel-mail-attachment_nonascii_filename.eml',
  'mikel-mail-attachment_pdf.eml',
  'mikel-mail-raw_email_reply.eml',
  'mikel-mail-raw_email_with_illegal_boundary.eml',
  'mikel-mail-raw_email_with_nested_attachment.eml',
];
/** The one real message the charset stand-ins read otherwise: see its test below. */
const NAME_ISO_2022_JP_CANNOT_HOLD = 'mikel-mail-attachment_with_encoded_name.eml';
const MIME_FIXTURE_NAMES = readdirSync(MIME_FIXTURES).filter((name) => name.endsWith('.eml'));
/**
 * The modules each stand-in was written for, which use no more of the package than it gives:
 * another module reaching one could need what it left out.
 */
const STAND_IN_IMPORTERS: Readonly<Record<string, readonly string[]>> = {
  'functions/shared/stand-ins/he-stand-in.ts': ['node_modules/mailparser/dist/esm/address-header.js', 'node_modules/mailparser/dist/esm/mail-parser.js'],
  'functions/shared/stand-ins/linkify-it-stand-in.ts': ['node_modules/mailparser/dist/esm/mail-parser.js'],
  'functions/shared/stand-ins/html-to-text-stand-in.ts': ['node_modules/mailparser/dist/esm/mail-parser.js'],
  'functions/shared/stand-ins/tlds-stand-in.ts': ['node_modules/mailparser/dist/esm/tlds.cjs'],
  'functions/shared/stand-ins/semver-stand-in.ts': ['node_modules/aws-xray-sdk-core/dist/lib/patchers/aws_p.js'],
  'functions/shared/stand-ins/credential-provider-node-stand-in.ts': ['dynamodb', 's3', 'secrets-manager', 'ses', 'sesv2', 'textract'].map(
    (client) => `node_modules/@aws-sdk/client-${client}/dist-es/runtimeConfig.js`,
  ),
};
const REPLACED_PACKAGE =
  /node_modules\/(?:he|linkify-it|uc\.micro|tlds|semver|html-to-text|@aws-sdk\/(?:credential-provider-(?!env\/)[a-z-]+|nested-clients|token-providers))\//;
/** A claim written in HTML alone, which only the decoder process reads, with html-to-text. */
const HTML_ONLY_CLAIM = Buffer.from(
  [
    'From: Zoë Dupont <zoe@example.org>',
    'To: claims@claims.example.org',
    'Subject: Facture',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Bonjour,</p><p>Ma <b>facture</b> &amp; mon ordonnance&nbsp;:</p>',
    '<table><tr><th>Acte</th><th>Montant</th></tr><tr><td>Consultation</td><td>25,00&nbsp;&euro;</td></tr></table>',
    '<ul><li>Adhérent n° 12345678</li><li><a href="https://example.org/claim">Dossier</a></li></ul></body></html>',
    '',
  ].join('\r\n'),
);
/** Bytes of a claim's document, the same in every built message. */
const DOCUMENT = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 31) % 256));
/** Lines of the text body: enough for its characters to straddle the chunks the parser decodes. */
const BODY_LINES = 40;

/**
 * Imports the bundle in a process of its own, where nothing else loaded iconv-lite, and says
 * after each message given whether iconv-lite is loaded.
 */
const ICONV_LITE_LOADING_SCRIPT = `
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
const [bundlePath, ...messagePaths] = process.argv.slice(2);
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((key) => key.includes('/node_modules/iconv-lite/'));
const { parseMessage } = await import(bundlePath);
const states = [loaded()];
for (const messagePath of messagePaths) {
  const mail = await parseMessage(await readFile(messagePath));
  states.push([mail.subject, loaded()]);
}
console.log(JSON.stringify(states));
`;

/** What the test bundles, as the intake parses and reads messages. */
interface Bundled {
  readonly parseMessage: typeof parseMessage;
  readonly readMessageDocuments: typeof readMessageDocuments;
  readonly triage: typeof triage;
  readonly sharedDocumentDecoder: () => IsolatedDocumentDecoder;
  readonly TesseractEngine: typeof TesseractEngine;
  readonly simpleParser: (message: Buffer, options?: object) => Promise<ParsedMail>;
  readonly S3Client: typeof S3Client;
}

const BUNDLED_ENTRY = [
  `export { parseMessage } from '${path.join(PROJECT_ROOT, 'functions/shared/pipeline/parse-message.ts')}';`,
  `export { readMessageDocuments } from '${path.join(PROJECT_ROOT, 'functions/shared/domain/documents/index.ts')}';`,
  `export { triage } from '${path.join(PROJECT_ROOT, 'functions/shared/pipeline/triage.ts')}';`,
  `export { sharedDocumentDecoder } from '${path.join(PROJECT_ROOT, 'functions/shared/adapters/isolation/isolated-document-decoder.ts')}';`,
  `export { TesseractEngine } from '${path.join(PROJECT_ROOT, 'functions/shared/adapters/ocr/tesseract-engine.ts')}';`,
  "export { simpleParser } from 'mailparser';",
  "export { S3Client } from '@aws-sdk/client-s3';",
  '',
].join('\n');

const run = promisify(execFile);
/** Time one document may take, as in the function. */
const DOCUMENT_TIME_MS = 10_000;
/** A triage with OCR of a two-page fax, bundled and unbundled, on a shared machine. */
const BUNDLED_TRIAGE_TIMEOUT_MS = 60_000;
const triageEnvelope = {
  sesMessageId: 'bundling',
  receivedAt: new Date('2026-12-07T10:00:00Z'),
  envelopeSender: 'sender@example.com',
  recipients: ['claims@claims.example.org', 'fax@claims.example.org'],
  verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
} as const;
const triageSettings = (engine: TesseractEngine): TriageSettings => ({
  ownAddresses: ['claims@claims.example.org', 'fax@claims.example.org'],
  faxLocalPart: 'fax',
  faxGateways: knownFaxGateways([]),
  scans: { engine, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: BUNDLED_TRIAGE_TIMEOUT_MS },
});
const documentTexts = (context: IntakeContext) => (context.documents ?? []).map(({ textRead, text, pageCount, notReadReason }) => ({ textRead, text, pageCount, notReadReason }));

/** What the intake reads of a message. */
const readingOf = (mail: ParsedMail) => ({
  subject: mail.subject,
  from: mail.from?.text,
  text: mail.text,
  html: mail.html,
  attachments: mail.attachments.map(({ filename, contentType, checksum }) => ({ filename, contentType, checksum })),
});

/** The addresses as mailparser writes them for HTML, escaped with he. */
const addressesAsHtml = (mail: ParsedMail) => [mail.from, mail.to, mail.cc].flat().map((addresses) => addresses?.html);

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
const percentEncoded = (bytes: Buffer) => [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** A claim written in the sample's charset: encoded-word subject and sender, text body, and an RFC 2231 file name. */
function messageIn({ charset, text, filename }: CharsetSample): Buffer {
  const word = (value: string) => `=?${charset}?B?${encodeIn(charset, value).toString('base64')}?=`;
  const body = encodeIn(charset, Array.from({ length: BODY_LINES }, () => text).join('\r\n'));
  return Buffer.from(
    [
      `From: ${word(filename)} <sender@example.org>`,
      'To: claims@claims.example.org',
      `Subject: ${word(text)}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="claim"',
      '',
      '--claim',
      `Content-Type: text/plain; charset=${charset}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
      '--claim',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename*=${charset}''${percentEncoded(encodeIn(charset, filename))}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(DOCUMENT),
      '--claim--',
      '',
    ].join('\r\n'),
  );
}

describe("the intake's bundle, built with its deployed bundling options", () => {
  let directory: string;
  let bundledInputs: string[];
  let bundled: Bundled;
  let workerFiles: string[];
  let bundlePath: string;

  beforeAll(async () => {
    const intake = deployedFunctions().find(({ name }) => name === 'intake');
    if (intake === undefined) throw new Error('The stack has no intake function');
    directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-bundling-'));
    // Found as the entry's packages, where esbuild looks for them.
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
    const entry = path.join(directory, 'entry.mjs');
    await writeFile(entry, BUNDLED_ENTRY);
    const options = esbuildOptionsOf(entry, intake.bundling, directory);
    const { metafile } = await build({ ...options, absWorkingDir: PROJECT_ROOT });
    const output = Object.values(metafile.outputs).find(({ entryPoint }) => entryPoint !== undefined);
    bundledInputs = Object.keys(output?.inputs ?? {});
    // The worker threads, with the command CDK runs once it has bundled the handler.
    for (const [file, workerEntry] of Object.entries(intake.workers)) {
      await run(ESBUILD_COMMAND, [...workerBundlingArguments(workerEntry, path.join(directory, file), intake.bundling.nodeModules ?? [])], { cwd: PROJECT_ROOT });
    }
    workerFiles = Object.keys(intake.workers);
    bundlePath = options.outfile;
    bundled = (await import(pathToFileURL(options.outfile).href)) as Bundled;
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  afterAll(async () => {
    await bundled.sharedDocumentDecoder().release();
    await rm(directory, { recursive: true, force: true });
  });

  it('ships the document decoder worker beside the handler', () => {
    expect(workerFiles).toEqual(['decoder-worker.mjs']);
  });

  it('reads a real invoice PDF in its bundled decoder worker as the intake does unbundled', async () => {
    const content = await readFile(new URL('../fixtures/third-party/invoices/invoice2data-NetpresseInvoice.pdf', import.meta.url));
    const job = { decoder: 'pdf-text', content, maxPdfPagesRead: 5 } as const;
    const reading = await bundled.sharedDocumentDecoder().readText(job, Deadline.in(DOCUMENT_TIME_MS));
    expect(reading).toEqual(await sharedDocumentDecoder().readText(job, Deadline.in(DOCUMENT_TIME_MS)));
    expect(reading.text.split('\n').slice(0, 5)).toEqual(['ALEXINUX', 'de Lattre Alexis', '27 rue Henri Rolland', '69100 Villeurbanne', 'Facture n° 2022089083']);
  });

  it.each(['fr-paris-invoice.eml', 'fax-efax-standard.eml'])(
    'triages %s (a PDF invoice, a G4 fax TIFF read by OCR), its bundled decoder worker and OCR, to the same text as unbundled',
    { timeout: BUNDLED_TRIAGE_TIMEOUT_MS },
    async (claim) => {
      const message = await readFile(new URL(`../fixtures/${claim.startsWith('fax') ? 'scan-claims' : 'claims'}/${claim}`, import.meta.url));
      const directory = new InMemoryMemberDirectory(parseMembersCsv(await readFile(new URL('../fixtures/members.csv', import.meta.url), 'utf8')));
      const [bundledEngine, engine] = [new bundled.TesseractEngine(), new TesseractEngine()];
      try {
        const read = await bundled.triage(triageEnvelope, message, directory, triageSettings(bundledEngine), Deadline.in(BUNDLED_TRIAGE_TIMEOUT_MS));
        const unbundled = await triage(triageEnvelope, message, directory, triageSettings(engine), Deadline.in(BUNDLED_TRIAGE_TIMEOUT_MS));
        expect(documentTexts(read)).toEqual(documentTexts(unbundled));
        expect(documentTexts(read)).toEqual(claim.startsWith('fax') ? [{ textRead: true, pageCount: 2, text: expect.stringContaining('Boston') }] : [{ textRead: true, text: expect.stringContaining("N° d'adhérent : 12345678") }]);
      } finally {
        await Promise.all([bundledEngine.release(), engine.release()]);
      }
    },
  );

  it('holds one build of libmime, the charset stand-ins and none of the tables of iconv-lite and encoding-japanese', () => {
    const libmimeFolders = new Set(bundledInputs.filter((input) => input.startsWith('node_modules/libmime/')).map((input) => path.dirname(input)));
    expect([...libmimeFolders]).toEqual(['node_modules/libmime/dist/cjs']);
    expect(bundledInputs.filter((input) => /node_modules\/(?:iconv-lite|encoding-japanese)\//.test(input))).toEqual([]);
    expect(bundledInputs.filter((input) => input.startsWith('functions/shared/charsets/')).sort()).toEqual([
      'functions/shared/charsets/byte-order.ts',
      'functions/shared/charsets/chunk-decoder.ts',
      'functions/shared/charsets/codecs.ts',
      'functions/shared/charsets/encoding-japanese-stand-in.ts',
      'functions/shared/charsets/iconv-lite-stand-in.ts',
      'functions/shared/charsets/installed-iconv-lite.ts',
    ]);
  });

  it.each(LEGACY_CHARSET_FIXTURES)('reads %s as the intake does unbundled', async (fixture) => {
    const message = await readFile(new URL(fixture, MIME_FIXTURES));
    expect(readingOf(await bundled.parseMessage(message))).toEqual(readingOf(await parseMessage(message)));
  });

  it.each(MIME_FIXTURE_NAMES.filter((name) => name !== NAME_ISO_2022_JP_CANNOT_HOLD))(
    'reads %s, its documents and forwarded messages, and writes its addresses for HTML as the intake does unbundled',
    async (fixture) => {
      const message = await readFile(new URL(fixture, MIME_FIXTURES));
      const [mail, unbundledMail] = [await bundled.parseMessage(message), await parseMessage(message)];
      expect(readingOf(mail)).toEqual(readingOf(unbundledMail));
      expect(await bundled.readMessageDocuments(mail, documentReading())).toEqual(await readMessageDocuments(unbundledMail, documentReading()));
      expect(addressesAsHtml(mail)).toEqual(addressesAsHtml(unbundledMail));
    },
  );

  it('reads a claim written in HTML alone in its bundled decoder worker, by html-to-text installed beside it, as the intake does unbundled', async () => {
    const mail = await bundled.parseMessage(HTML_ONLY_CLAIM);
    expect({ text: mail.text, textConversionError: mail.textConversionError }).toEqual({ text: '', textConversionError: undefined });
    const directory = new InMemoryMemberDirectory([]);
    const settings = triageSettings(new TesseractEngine());
    const read = await bundled.triage(triageEnvelope, HTML_ONLY_CLAIM, directory, settings, Deadline.in(BUNDLED_TRIAGE_TIMEOUT_MS));
    const unbundled = await triage(triageEnvelope, HTML_ONLY_CLAIM, directory, settings, Deadline.in(BUNDLED_TRIAGE_TIMEOUT_MS));
    expect(read.body).toEqual(unbundled.body);
    expect(read.body).toEqual({
      textRead: true,
      text: 'Bonjour,\n\nMa facture & mon ordonnance\u00a0:\n\nActe           Montant\nConsultation   25,00\u00a0€\n\n * Adhérent n° 12345678\n * Dossier',
    });
  });

  it('never converts HTML in the main process: its html-to-text stand-in refuses, which the bundled mailparser would report', async () => {
    const converted = await bundled.simpleParser(HTML_ONLY_CLAIM, { skipTextToHtml: true });
    expect(converted.textConversionError?.cause).toEqual(
      new Error('html-to-text is not bundled: the intake reads HTML in its decoder process only, and parses mail with skipHtmlToText'),
    );
    expect(converted.text).toBe('');
  });

  it('refuses to build textAsHtml, which the intake skips, rather than build it otherwise than mailparser', async () => {
    const message = await readFile(new URL('flanker-text-only.eml', MIME_FIXTURES));
    await expect(bundled.simpleParser(message)).rejects.toThrow('he is not bundled: mailparser needs its useNamedReferences for textAsHtml');
  });

  it('reads a byte ISO-2022-JP has no place for, in a real file name, as U+FFFD where encoding-japanese dropped it', async () => {
    const message = await readFile(new URL(NAME_ISO_2022_JP_CANNOT_HOLD, MIME_FIXTURES));
    const unbundled = readingOf(await parseMessage(message));
    const [attachment] = unbundled.attachments;
    expect(attachment?.filename).toBe('01 Quien Te Dijat. Pitbull.mp3');
    expect(readingOf(await bundled.parseMessage(message))).toEqual({
      ...unbundled,
      attachments: [{ ...attachment, filename: '01 Quien Te Dij\uFFFDat. Pitbull.mp3' }],
    });
  });

  it('signs AWS requests with the credentials Lambda puts in the environment, and with none found elsewhere', async () => {
    const credentialsFile = path.join(directory, 'credentials');
    await writeFile(credentialsFile, '[default]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentialsFile);
    vi.stubEnv('AWS_CONFIG_FILE', path.join(directory, 'no-config'));
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_SESSION_TOKEN', 'IQoJb3JpZ2luX2VjEXAMPLE');
    const fromEnvironment = await new bundled.S3Client({ region: 'eu-west-1' }).config.credentials();
    expect(fromEnvironment).toMatchObject({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' });

    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) vi.stubEnv(name, undefined);
    // Unbundled, the SDK's chain goes on to the shared credentials file.
    expect(await new S3Client({ region: 'eu-west-1' }).config.credentials()).toMatchObject({ accessKeyId: 'AKIAI44QH8DHBEXAMPLE' });
    await expect(new bundled.S3Client({ region: 'eu-west-1' }).config.credentials()).rejects.toThrow('Unable to find environment variable credentials.');
  });

  it.each(SAMPLES)('reads a claim written in $charset as the intake does unbundled, to the letter', async (sample) => {
    const message = messageIn(sample);
    const reading = readingOf(await bundled.parseMessage(message));
    expect(reading).toEqual(readingOf(await parseMessage(message)));
    expect(reading).toEqual({
      subject: sample.text,
      from: `"${sample.filename}" <sender@example.org>`,
      text: Array.from({ length: BODY_LINES }, () => sample.text).join('\n'),
      html: false,
      attachments: [{ filename: sample.filename, contentType: 'application/pdf', checksum: createHash('sha256').update(DOCUMENT).digest('hex') }],
    });
  });

  it('loads iconv-lite, installed beside it, only for the first message in a charset TextDecoder lacks or reads otherwise', async () => {
    const script = path.join(directory, 'iconv-lite-loading.mjs');
    await writeFile(script, ICONV_LITE_LOADING_SCRIPT);
    const charsets = ['windows-1252', 'koi8-r', 'cp437', 'cp949'];
    const samples = charsets.map((charset) => SAMPLES.find((sample) => sample.charset === charset) ?? expect.unreachable());
    const messages = charsets.map((charset) => path.join(directory, `${charset}.eml`));
    await Promise.all(samples.map((sample, index) => writeFile(messages[index] ?? '', messageIn(sample))));
    const { stdout } = await run(process.execPath, [script, pathToFileURL(bundlePath).href, ...messages], { cwd: directory });
    expect(JSON.parse(stdout)).toEqual([false, ...samples.map((sample) => [sample.text, ['cp437', 'cp949'].includes(sample.charset)])]);
  });
});

describe("every function's bundle", () => {
  const functions = deployedFunctions();
  const metafiles = new Map<string, { readonly metafile: Metafile; readonly outfile: string }>();
  const inputsOf = (name: string) => metafiles.get(name)?.metafile.inputs ?? {};

  beforeAll(async () => {
    for (const deployed of functions) {
      const options = esbuildOptionsOf(deployed.entry, deployed.bundling, path.join(tmpdir(), 'claims-intake-bundle-inputs'));
      const { metafile } = await build({ ...options, write: false, absWorkingDir: PROJECT_ROOT });
      metafiles.set(deployed.name, { metafile, outfile: path.relative(PROJECT_ROOT, options.outfile) });
    }
  });

  it.each(functions.map(({ name }) => name))('%s holds none of the packages stood in for, and their stand-ins only where they were meant for', (name) => {
    const inputs = inputsOf(name);
    expect(Object.keys(inputs).filter((input) => REPLACED_PACKAGE.test(input))).toEqual([]);
    for (const [input, { imports }] of Object.entries(inputs)) {
      for (const { path: imported } of imports) if (imported.startsWith('functions/shared/stand-ins/')) expect(STAND_IN_IMPORTERS[imported]).toContain(input);
    }
  });

  it.each(functions.map(({ name }) => name))('%s loads OCR, image and PDF modules on first use only, all but the Textract client installed beside it', (name) => {
    const { metafile, outfile } = metafiles.get(name) ?? {};
    if (metafile === undefined || outfile === undefined) throw new Error(`${name} was not built`);
    const loading = bundleContents(metafile, outfile).heavyModules.map(({ module, loading, bundledBytes }) => ({ module, loading, bundled: bundledBytes > 0 }));
    expect(loading).toEqual(
      HEAVY_MODULES.map((module) =>
        name === 'intake'
          ? { module, loading: 'on first use', bundled: module === '@aws-sdk/client-textract' }
          : { module, loading: 'not in the bundle', bundled: false },
      ),
    );
  });

  it.each(functions.map(({ name }) => name))('%s is within the bundle budget: Lambda reads and compiles it at every cold start', (name) => {
    const { metafile, outfile } = metafiles.get(name) ?? {};
    if (metafile === undefined || outfile === undefined) throw new Error(`${name} was not built`);
    expect(metafile.outputs[outfile]?.bytes).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });

  it('has iconv-lite installed beside each bundle whose charset stand-in loads it, at the version libmime depends on', async () => {
    const loadingIt = functions.filter(({ name }) => inputsOf(name)['functions/shared/charsets/installed-iconv-lite.ts'] !== undefined);
    expect(loadingIt.map(({ name }) => name)).toEqual(['intake']);
    for (const { bundling } of loadingIt) expect(bundling.nodeModules).toContain('iconv-lite');
    const packageJson = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const libmimePackage = createRequire(createRequire(import.meta.url).resolve('libmime'));
    expect(packageJson.dependencies['iconv-lite']).toBe((libmimePackage('iconv-lite/package.json') as { version: string }).version);
  });

  it('has html-to-text installed beside each bundle whose decoder worker reads HTML, at the version mailparser was tested with', async () => {
    const readingHtml = functions.filter(({ workers }) => Object.values(workers).some((worker) => worker.endsWith('isolation/decoder-worker.ts')));
    expect(readingHtml.map(({ name }) => name)).toEqual(['intake']);
    for (const { bundling } of readingHtml) expect(bundling.nodeModules).toContain('html-to-text');
    const packageJson = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const mailparserPackage = createRequire(createRequire(import.meta.url).resolve('mailparser'));
    expect(packageJson.dependencies['html-to-text']).toBe((mailparserPackage('html-to-text/package.json') as { version: string }).version);
  });
});

describe("the benchmark's reading of CDK's esbuildArgs", () => {
  const bundling: BundlingOptions = {
    target: 'node22',
    bundleAwsSDK: true,
    esbuildArgs: { '--alias:iconv-lite': '/stand-ins/iconv-lite.ts', '--alias': 'libmime=/libmime/dist/cjs/libmime.js' },
  };

  it('passes aliases to esbuild as CDK writes them on its command line', () => {
    expect(esbuildOptionsOf('/entry.ts', bundling, '/out').alias).toEqual({
      'iconv-lite': '/stand-ins/iconv-lite.ts',
      libmime: '/libmime/dist/cjs/libmime.js',
    });
  });

  it('refuses any other argument rather than measure another bundle than the one deployed', () => {
    expect(() => esbuildOptionsOf('/entry.ts', { ...bundling, esbuildArgs: { '--log-limit': '0' } }, '/out')).toThrow(
      'The benchmark does not bundle with the esbuild argument --log-limit=0 as CDK does',
    );
    expect(() => esbuildOptionsOf('/entry.ts', { ...bundling, esbuildArgs: { '--keep-names': true } }, '/out')).toThrow(
      'The benchmark does not bundle with the esbuild argument --keep-names as CDK does',
    );
  });
});
