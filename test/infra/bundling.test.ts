import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptionsOf } from '../../bench/cold-start/cdk-esbuild-options.ts';
import { deployedFunctions } from '../../bench/cold-start/deployed-functions.ts';
import { type CharsetSample, encodeIn, SAMPLES } from '../unit/charsets/legacy-charset-samples.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIME_FIXTURES = new URL('../../../shared/fixtures/mime/', import.meta.url);
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
/** Bytes of a claim's document, the same in every built message. */
const DOCUMENT = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 31) % 256));
/** Lines of the text body: enough for its characters to straddle the chunks the parser decodes. */
const BODY_LINES = 40;

type Parse = typeof simpleParser;

/** What the intake reads of a message. */
const readingOf = (mail: ParsedMail) => ({
  subject: mail.subject,
  from: mail.from?.text,
  text: mail.text,
  html: mail.html,
  attachments: mail.attachments.map(({ filename, contentType, checksum }) => ({ filename, contentType, checksum })),
});

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
  let bundledParse: Parse;

  beforeAll(async () => {
    const intake = deployedFunctions().find(({ name }) => name === 'intake');
    if (intake === undefined) throw new Error('The stack has no intake function');
    directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-bundling-'));
    // Found as the entry's packages, where esbuild looks for them.
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
    const entry = path.join(directory, 'entry.mjs');
    await writeFile(entry, "export { simpleParser } from 'mailparser';\n");
    const options = esbuildOptionsOf(entry, intake.bundling, directory);
    const { metafile } = await build({ ...options, absWorkingDir: PROJECT_ROOT });
    const output = Object.values(metafile.outputs).find(({ entryPoint }) => entryPoint !== undefined);
    bundledInputs = Object.keys(output?.inputs ?? {});
    ({ simpleParser: bundledParse } = (await import(pathToFileURL(options.outfile).href)) as { simpleParser: Parse });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

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
    ]);
  });

  it.each(LEGACY_CHARSET_FIXTURES)('reads %s as mailparser does unbundled', async (fixture) => {
    const message = await readFile(new URL(fixture, MIME_FIXTURES));
    expect(readingOf(await bundledParse(message))).toEqual(readingOf(await simpleParser(message)));
  });

  it('reads a byte ISO-2022-JP has no place for, in a real file name, as U+FFFD where encoding-japanese dropped it', async () => {
    const message = await readFile(new URL('mikel-mail-attachment_with_encoded_name.eml', MIME_FIXTURES));
    const unbundled = readingOf(await simpleParser(message));
    const [attachment] = unbundled.attachments;
    expect(attachment?.filename).toBe('01 Quien Te Dijat. Pitbull.mp3');
    expect(readingOf(await bundledParse(message))).toEqual({
      ...unbundled,
      attachments: [{ ...attachment, filename: '01 Quien Te Dij\uFFFDat. Pitbull.mp3' }],
    });
  });

  it.each(SAMPLES)('reads a claim written in $charset as mailparser does unbundled, to the letter', async (sample) => {
    const message = messageIn(sample);
    const bundled = readingOf(await bundledParse(message));
    expect(bundled).toEqual(readingOf(await simpleParser(message)));
    expect(bundled).toEqual({
      subject: sample.text,
      from: `"${sample.filename}" <sender@example.org>`,
      text: Array.from({ length: BODY_LINES }, () => sample.text).join('\n'),
      html: false,
      attachments: [{ filename: sample.filename, contentType: 'application/pdf', checksum: createHash('md5').update(DOCUMENT).digest('hex') }],
    });
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
