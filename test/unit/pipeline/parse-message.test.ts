import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../functions/shared/pipeline/parse-message.ts';
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
