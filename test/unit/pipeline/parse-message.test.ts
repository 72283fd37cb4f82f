import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { parseMessage, readMessage } from '../../../functions/shared/pipeline/parse-message.ts';
import { sha256 } from '../../support/contexts.ts';
import { CLAIMS_ADDRESS, composeMail, pdfAttachment } from '../../fixtures/generator/compose-mail.ts';

const FIXTURES = path.resolve('test', 'fixtures', 'third-party');
/** Real third-party documents, larger together than the pieces a message is parsed in. */
const NETPRESSE_INVOICE = readFileSync(path.join(FIXTURES, 'invoices', 'invoice2data-NetpresseInvoice.pdf'));
const FAX = readFileSync(path.join(FIXTURES, 'fax', 'sharp-g31d-multipage.tif'));

const claim = () =>
  composeMail('parse-in-pieces', {
    from: 'marie.dupont@example.fr',
    to: CLAIMS_ADDRESS,
    subject: 'Remboursement – facture Netpresse',
    date: 'Mon, 24 Mar 2025 09:30:00 +0100',
    messageId: '<parse-in-pieces@example.fr>',
    text: `Bonjour,\n\n${'Veuillez trouver ci-joint ma facture. '.repeat(3000)}\n\nMarie Dupont`,
    attachments: [pdfAttachment('facture été.pdf', NETPRESSE_INVOICE), { filename: 'fax.tif', content: FAX, contentType: 'image/tiff' }],
  });

const essentials = (mail: ParsedMail) => ({
  subject: mail.subject,
  text: mail.text,
  from: mail.from?.value,
  attachments: mail.attachments.map(({ filename, contentType, size, content }) => ({ filename, contentType, size, sha256: sha256(content) })),
});

describe('parseMessage', () => {
  it('reads a message held in memory, fed in pieces, as mailparser reads it whole', async () => {
    const raw = await claim();
    expect(raw.length).toBeGreaterThan(4 * 64 * 1024);
    const mail = await parseMessage(raw);
    expect(essentials(mail)).toEqual(essentials(await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true })));
    expect(essentials(mail).attachments).toEqual([
      { filename: 'facture été.pdf', contentType: 'application/pdf', size: NETPRESSE_INVOICE.length, sha256: sha256(NETPRESSE_INVOICE) },
      { filename: 'fax.tif', contentType: 'image/tiff', size: FAX.length, sha256: sha256(FAX) },
    ]);
  });

  it("has mailparser hash each attachment with SHA-256, the hash a document is known by", async () => {
    const mail = await parseMessage(await claim());
    expect(mail.attachments.map(({ checksum }) => checksum)).toEqual([sha256(NETPRESSE_INVOICE), sha256(FAX)]);
  });

  it('reads a message from a stream as it arrives', async () => {
    const raw = await claim();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'claims-intake-parse-')), 'claim.eml');
    await writeFile(file, raw);
    expect(essentials(await parseMessage(createReadStream(file, { highWaterMark: 1000 })))).toEqual(essentials(await parseMessage(raw)));
  });
});

/** A multipart message of `parts` one-line text parts. */
function multipartOf(parts: number): Buffer {
  const body = Array.from({ length: parts }, (_, index) => `--p\r\nContent-Type: text/plain\r\n\r\npart ${index + 1}\r\n`).join('');
  return Buffer.from(`From: marie.dupont@example.fr\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n${body}--p--\r\n`);
}

describe('readMessage', () => {
  it('reads a message mailparser reads, as parseMessage does', async () => {
    const raw = await claim();
    const reading = await readMessage(raw);
    expect(reading.unreadable).toBeUndefined();
    expect(essentials(reading.mail)).toEqual(essentials(await parseMessage(raw)));
  });

  it('reads 1000 MIME parts, the multipart holding them included, and says why it read nothing of a message with more', async () => {
    expect((await readMessage(multipartOf(999))).mail.text).toContain('part 999');
    const reading = await readMessage(multipartOf(1000));
    expect(reading.unreadable).toBe('more than 1000 MIME parts');
    expect(reading.mail).toEqual({ attachments: [], headers: new Map(), headerLines: [], html: false });
  });

  it('says why it read nothing of a message whose header block passes 1 MB', async () => {
    const header = `X-Padding: ${'x'.repeat(70)}\r\n`.repeat(Math.ceil((1024 * 1024) / 82));
    const reading = await readMessage(Buffer.from(`From: marie.dupont@example.fr\r\n${header}Subject: big\r\n\r\nbody\r\n`));
    expect(reading.unreadable).toBe('a header block over 1 MB');
  });

  it('lets a failure to read the stored message through, for the queue to try again', async () => {
    const failure = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const stored = new Readable({ read() {} });
    stored.push('From: marie.dupont@example.fr\r\nSubject: half a message\r\n');
    setImmediate(() => stored.destroy(failure));
    await expect(readMessage(stored)).rejects.toBe(failure);
  });
});
