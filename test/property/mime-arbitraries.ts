/**
 * fast-check arbitraries of messages as a hostile sender writes them: random MIME trees, and real
 * messages with their bytes mutated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const FIXTURES = path.resolve('test', 'fixtures');

/** Real documents a tree may carry, so that the readers behind the parser run too. */
const DOCUMENTS = [
  'invoices/note-honoraires-paris.pdf',
  'invoices/invoice-phnom-penh.pdf',
  'third-party/invoices/invoice2data-free_fiber.pdf',
  'third-party/fax/libtiff-ccitt-1-g4.tif',
  'third-party/fax/libtiff-g3-premature-eol-malformed.tif',
].map((file) => readFileSync(path.join(FIXTURES, file)));

/** The real messages of the repository: clients' messages from public corpora, and the sample claims. */
export const REAL_MESSAGES: readonly { readonly name: string; readonly raw: Buffer }[] = ['third-party/mime', 'claims'].flatMap((folder) =>
  readdirSync(path.join(FIXTURES, folder))
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, raw: readFileSync(path.join(FIXTURES, folder, file)) })),
);

type MimeNode =
  | { readonly kind: 'leaf'; readonly headers: readonly string[]; readonly body: Uint8Array }
  | {
      readonly kind: 'multipart';
      readonly headers: readonly string[];
      readonly subtype: string;
      readonly boundary: string;
      readonly preamble: string;
      readonly children: readonly MimeNode[];
      readonly closed: boolean;
    }
  | { readonly kind: 'message'; readonly headers: readonly string[]; readonly inner: MimeNode };

/** Text a sender controls: any characters, control and bidirectional ones included, sometimes as encoded-words. */
const senderText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\r\nBcc: victim@example.net', '\u0000\u202e\u001b[31m', "N° d'adhérent 12345678", 'Member ID 20481632', ''),
);
const encodedWord = fc
  .tuple(fc.constantFrom('UTF-8', 'iso-8859-1', 'x-unknown', 'utf-16', 'shift_jis', ''), fc.constantFrom('B', 'Q', 'b', 'X'), senderText)
  .map(([charset, encoding, text]) =>
    encoding.toUpperCase() === 'B'
      ? `=?${charset}?${encoding}?${Buffer.from(text, 'utf8').toString('base64')}?=`
      : `=?${charset}?${encoding}?${Buffer.from(text, 'utf8').toString('latin1').replace(/[\s?=_]/g, '_')}?=`,
  );
const headerValue = fc.oneof(senderText, encodedWord);

const mediaType = fc.constantFrom(
  'text/plain',
  'text/html',
  'application/pdf',
  'image/tiff',
  'image/jpeg',
  'application/octet-stream',
  'application/pkcs7-signature',
  'message/rfc822',
  'message/delivery-status',
  'text/rfc822-headers',
  'multipart/mixed',
  'multipart/',
  '',
  'garbage',
  'text/plain\u0001',
  ';',
);
const charset = fc.constantFrom('utf-8', 'iso-8859-1', 'windows-1252', 'shift_jis', 'iso-2022-jp', 'koi8-r', 'cp949', 'big5', 'utf-16', 'x-unknown', '"');
const transferEncoding = fc.constantFrom('base64', 'quoted-printable', '7bit', '8bit', 'binary', 'x-uuencode', 'garbage', '');
const disposition = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('attachment', 'inline', 'garbage; ;', 'attachment; filename*=utf-8\'\'%E2%80%AEfdp.exe%00'),
  fc.tuple(fc.constantFrom('attachment', 'inline'), headerValue).map(([kind, name]) => `${kind}; filename="${name}"`),
);

const leafHeaders = fc
  .record({ type: mediaType, charset: fc.option(charset), name: fc.option(headerValue), encoding: fc.option(transferEncoding), disposition })
  .map(({ type, charset: set, name, encoding, disposition: how }) => [
    `Content-Type: ${type}${set === null ? '' : `; charset=${set}`}${name === null ? '' : `; name="${name}"`}`,
    ...(encoding === null ? [] : [`Content-Transfer-Encoding: ${encoding}`]),
    ...(how === undefined ? [] : [`Content-Disposition: ${how}`]),
  ]);

const body = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => Buffer.from(text, 'utf8')),
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom(...DOCUMENTS).map((document) => Buffer.from(document.toString('base64').replace(/.{76}/g, '$&\r\n'))),
  fc.constantFrom(...DOCUMENTS),
  fc.constantFrom(Buffer.from('<html><body><p>Facture <b>Paris</b></p></body></html>'), Buffer.from('=C3=A9t=C3=A9 =\r\nsoft break =ZZ')),
);

const boundary = fc.oneof(fc.constantFrom('b', 'boundary', '=_part', '--', ' '), fc.string({ unit: 'binary-ascii', maxLength: 20 }));

const { node: mimeNode } = fc.letrec<{ node: MimeNode; multipart: MimeNode; message: MimeNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'mime' }, fc.record({ kind: fc.constant('leaf' as const), headers: leafHeaders, body }), tie('multipart'), tie('message')),
  multipart: fc.record({
    kind: fc.constant('multipart' as const),
    headers: fc.constant([]),
    subtype: fc.constantFrom('mixed', 'alternative', 'related', 'report; report-type=delivery-status', 'signed', 'garbage'),
    boundary,
    preamble: fc.constantFrom('', 'This is a multi-part message in MIME format.'),
    children: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'mime' }),
    closed: fc.boolean(),
  }),
  message: fc.record({
    kind: fc.constant('message' as const),
    headers: fc.array(fc.tuple(fc.constantFrom('From', 'Subject', 'Date', 'X-Random'), headerValue).map(([name, value]) => `${name}: ${value}`), { maxLength: 3 }),
    inner: tie('node'),
  }),
}));

function render(node: MimeNode, eol: string): Buffer {
  const head = (lines: readonly string[]) => Buffer.from(lines.map((line) => `${line}${eol}`).join('') + eol, 'utf8');
  switch (node.kind) {
    case 'leaf':
      return Buffer.concat([head(node.headers), Buffer.from(node.body), Buffer.from(eol)]);
    case 'message':
      return Buffer.concat([head(['Content-Type: message/rfc822']), Buffer.from(node.headers.map((line) => `${line}${eol}`).join(''), 'utf8'), render(node.inner, eol)]);
    case 'multipart': {
      const parts = node.children.flatMap((child) => [Buffer.from(`--${node.boundary}${eol}`, 'utf8'), render(child, eol)]);
      return Buffer.concat([
        head([`Content-Type: multipart/${node.subtype}; boundary="${node.boundary}"`]),
        Buffer.from(node.preamble ? `${node.preamble}${eol}` : ''),
        ...parts,
        Buffer.from(node.closed ? `--${node.boundary}--${eol}` : ''),
      ]);
    }
  }
}

const from = fc.oneof(
  fc.constantFrom('Marie Dupont <marie.dupont@example.fr>', 'john.carter@example.com', 'MAILER-DAEMON@example.net', 'claims@claims.example.org', '<>', '', 'a@'),
  headerValue.map((name) => `${name} <someone@example.net>`),
);

/** A whole message: top-level headers (From sometimes missing), then a random MIME tree. */
export const randomMessage = fc
  .record({
    from: fc.option(from),
    subject: fc.option(headerValue),
    extra: fc.array(
      fc.tuple(fc.constantFrom('Auto-Submitted', 'Precedence', 'X-Auto-Response-Suppress', 'References', 'Message-ID', 'Reply-To', 'Date', 'X-Random'), headerValue),
      { maxLength: 3 },
    ),
    tree: mimeNode,
    eol: fc.constantFrom('\r\n', '\n'),
  })
  .map(({ from: sender, subject, extra, tree, eol }) => {
    const top = [
      ...(sender === null ? [] : [`From: ${sender}`]),
      'To: claims@claims.example.org',
      ...(subject === null ? [] : [`Subject: ${subject}`]),
      'MIME-Version: 1.0',
      ...extra.map(([name, value]) => `${name}: ${value}`),
    ];
    return Buffer.concat([Buffer.from(top.map((line) => `${line}${eol}`).join(''), 'utf8'), render(tree, eol)]);
  });

/** Bytes a mutation writes: random ones, or the tokens MIME is made of. */
const insertedBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constantFrom('\r\n--', '\r\n\r\n', '\u0000', 'Content-Type: multipart/mixed; boundary=x\r\n', '=?utf-8?b?', 'Content-Type: message/rfc822\r\n\r\n').map((text) => Buffer.from(text, 'utf8')),
);

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: insertedBytes }),
  fc.record({ kind: fc.constant('duplicate' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 8192 }), at: fc.nat() }),
);

function mutate(raw: Buffer, change: Mutation): Buffer {
  const at = raw.length === 0 ? 0 : change.at % (raw.length + 1);
  switch (change.kind) {
    case 'flip': {
      if (raw.length === 0) return raw;
      const flipped = Buffer.from(raw);
      const index = at % raw.length;
      flipped[index] = (flipped[index] ?? 0) ^ (1 << change.bit);
      return flipped;
    }
    case 'truncate':
      return raw.subarray(0, at);
    case 'insert':
      return Buffer.concat([raw.subarray(0, at), change.bytes, raw.subarray(at)]);
    case 'duplicate': {
      const start = raw.length === 0 ? 0 : change.from % raw.length;
      return Buffer.concat([raw.subarray(0, at), raw.subarray(start, start + change.length), raw.subarray(at)]);
    }
  }
}

/** A real message with one to eight mutations applied in turn, and which message it was. */
export const mutatedMessage = fc
  .record({ message: fc.constantFrom(...REAL_MESSAGES), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) })
  .map(({ message, mutations }) => ({ name: message.name, raw: mutations.reduce(mutate, message.raw) }));
