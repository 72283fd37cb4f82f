import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer, { type MailComposerAttachment } from 'nodemailer/lib/mail-composer';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { detectDocumentType, extractPdfText, readMessageDocuments } from '../../functions/shared/domain/documents/index.ts';
import { sanitiseFilename } from '../../functions/shared/domain/documents/filename.ts';
import { documentReading } from '../support/document-reading.ts';

const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/third-party/${path}`, import.meta.url));
const parseFixture = async (name: string): Promise<ParsedMail> => simpleParser(fixture(`mime/${name}`));
const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

async function composeMail(message: { html?: string; attachments: MailComposerAttachment[] }): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Marie Dupont <marie.dupont@example.fr>',
    to: 'claims@claims.example.org',
    subject: 'Remboursement',
    text: 'Bonjour, veuillez trouver ci-joint ma facture.',
    ...message,
  });
  return composer.compile().build();
}

async function composeAndParse(message: { html?: string; attachments: MailComposerAttachment[] }): Promise<ParsedMail> {
  return simpleParser(await composeMail(message));
}

/** A one-page PDF with a text layer, and an encryption dictionary asking for a user password. */
async function passwordProtectedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("Note d'honoraires - consultation du 14 mars 2025 - 30,00 EUR", { x: 50, y: 700, font, size: 12 });
  const encrypt = pdf.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: -4,
    O: PDFHexString.of('00'.repeat(32)),
    U: PDFHexString.of('11'.repeat(32)),
  });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A PDF whose page is only a picture, as a scanner makes it. */
async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(fixture('invoices/textract-default-invoice-1.png'));
  pdf.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0 });
  return Buffer.from(await pdf.save());
}

/** A 1x1 PNG, the size of a signature logo. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('detectDocumentType', () => {
  it.each([
    ['invoices/invoice2data-free_fiber.pdf', 'pdf'],
    ['fax/libtiff-fax2d-g3.tif', 'tiff'],
    ['fax/libtiff-ccitt-1-g4.tif', 'tiff'],
    ['invoices/textract-default-invoice-1.png', 'png'],
    ['invoices/invoice2data-free_fiber.expected.json', 'text'],
  ] as const)('reads %s as %s', (path, expected) => {
    expect(detectDocumentType(fixture(path))).toBe(expected);
  });

  const bytes = (...values: number[]): Buffer => Buffer.from(values);
  it.each([
    ['a PDF header', 'pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n')],
    ['a PDF header after gateway junk', 'pdf', Buffer.concat([Buffer.from('\r\n\r\nX-Junk: 1\r\n'), Buffer.from('%PDF-1.4\n')])],
    ['a BigTIFF header', 'tiff', bytes(0x49, 0x49, 0x2b, 0x00, 0x08, 0x00)],
    ['a JPEG start of image', 'jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10)],
    ['GIF89a', 'gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['an iPhone HEIC', 'heic', Buffer.concat([bytes(0, 0, 0, 0x18), Buffer.from('ftypheic\0\0\0\0mif1heic')])],
    ['a HEIF with brand mif1', 'heic', Buffer.concat([bytes(0, 0, 0, 0x1c), Buffer.from('ftypmif1\0\0\0\0mif1heic')])],
    ['a WebP', 'webp', Buffer.concat([Buffer.from('RIFF'), bytes(0x24, 0, 0, 0), Buffer.from('WEBPVP8 ')])],
    ['a ZIP container (docx)', 'office', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['an OLE2 container (doc)', 'office', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
    ['UTF-8 French text', 'text', Buffer.from("Numéro d'adhérent : 12345678\nMontant réglé : 30,00 €\n")],
    ['Latin-1 French text', 'text', Buffer.from("Numéro d'adhérent : 12345678\n", 'latin1')],
    ['UTF-16 text with its byte order mark', 'text', Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Facture', 'utf16le')])],
    ['an HTML page', 'html', Buffer.from('  <!DOCTYPE html>\n<html><body><p>Facture</p></body></html>')],
    ['an HTML fragment', 'html', Buffer.from('<meta charset="utf-8"><body>Facture</body>')],
    ['gzip data', 'other', bytes(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03)],
    ['8-bit sound samples', 'other', Buffer.from(Array.from({ length: 256 }, (_, index) => 0x80 + (index % 0x7f)))],
    ['nothing', 'other', Buffer.alloc(0)],
  ] as const)('reads %s as %s', (_label, expected, content) => {
    expect(detectDocumentType(content)).toBe(expected);
  });
});

describe('sanitiseFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\marie\\Documents\\facture.pdf', 'facture.pdf'],
    ['facture\u202efdp.exe', 'facturefdp.exe'],
    ['ordonnance\r\n\u0007.pdf', 'ordonnance .pdf'],
    ['\u202eFDP.EXE\u0000\u001b[31m.pdf', 'FDP.EXE.pdf'],
    ['fac\u200bture\u2066.pdf\u2069', 'facture.pdf'],
    ['\u001b]8;;https://evil.example\u0007facture\u001b]8;;\u0007.pdf', 'facture.pdf'],
    ['  .hidden.pdf. ', 'hidden.pdf'],
    ['scan: 14-03?.pdf', 'scan_ 14-03_.pdf'],
    ['note <1>|"2".pdf', 'note _1___2_.pdf'],
    [Buffer.from('Счёт №12.pdf').toString('latin1'), 'Счёт №12.pdf'],
    ['CAFÉ.pdf', 'CAFÉ.pdf'],
    [`${'a'.repeat(250)}.pdf`, `${'a'.repeat(196)}.pdf`],
    [`${'я'.repeat(150)}.pdf`, `${'я'.repeat(98)}.pdf`],
    [`${'😀'.repeat(60)}.pdf`, `${'😀'.repeat(49)}.pdf`],
    [`${'e\u0301'.repeat(80)}.pdf`, `${'e\u0301'.repeat(65)}.pdf`],
    ['Re\u00c3\u00a7u \u00c3\u200c\u00a9t\u00c3\u00a9.pdf', 'Reçu été.pdf'],
    ['\u200b.\ufe0fhidden.pdf', 'hidden.pdf'],
  ])('%j becomes %j', (declared, expected) => {
    expect(sanitiseFilename(declared)).toBe(expected);
  });

  it('gives a name it gave unchanged, whatever the name', () => {
    const alphabet = [...'aZé.-_ 0/\\:?*<>"|', '\u0000', '\t', '\n', '\u001b', '[', 'm', '\u009b', '\u200b', '\u200c', '\u202e', '\ufe0f', 'ب', '😀', '\ud800', '\u00a0', '\u00c3', '\u00a9'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let drawn = 0; drawn < 20_000; drawn += 1) {
      const declared = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
      const sanitised = sanitiseFilename(declared);
      expect(sanitiseFilename(sanitised)).toBe(sanitised);
    }
  });
});

describe('readMessageDocuments on real client messages', () => {
  const brokenPdfSha256 = 'c7d1b9b20df8a2bf2f1e0d00d84bcb56d05e56a044be7f3616f6e99f4a18bd0d';

  it('types, hashes and keeps the PDF of mikel-mail-attachment_pdf.eml, which pdf.js cannot open', async () => {
    const mail = await parseFixture('mikel-mail-attachment_pdf.eml');
    const { documents, embeddedTexts } = await readMessageDocuments(mail, documentReading());

    expect(sha256(mail.attachments[0]!.content)).toBe(brokenPdfSha256);
    expect(embeddedTexts).toEqual([]);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({
      filename: 'broken.pdf',
      declaredContentType: 'application/pdf',
      type: 'pdf',
      size: 1026,
      sha256: brokenPdfSha256,
      text: '',
      textRead: false,
      notReadReason: 'broken PDF: Invalid PDF structure.',
    });
    expect(document!.content.equals(mail.attachments[0]!.content)).toBe(true);
  });

  it('opens the forwarded message of mikel-mail-attachment_message_rfc822.eml and keeps its PDF byte for byte', async () => {
    const { documents, embeddedTexts } = await readMessageDocuments(await parseFixture('mikel-mail-attachment_message_rfc822.eml'), documentReading());

    expect(documents.map(({ filename, type, sha256 }) => ({ filename, type, sha256 }))).toEqual([
      { filename: 'broken.pdf', type: 'pdf', sha256: brokenPdfSha256 },
    ]);
    expect(embeddedTexts).toEqual([
      {
        subject: 'Another PDF',
        text: 'Just attaching another PDF, here, to see what the message looks like,\nand to see if I can figure out what is going wrong here.\n',
      },
    ]);
  });

  it('hashes with SHA-256 the documents of a message parsed with mailparser\'s default MD5 checksums', async () => {
    const mail = await parseFixture('mikel-mail-attachment_message_rfc822.eml');
    const embedded = await simpleParser(mail.attachments[0]!.content);
    expect(embedded.attachments[0]!.checksum).toBe(createHash('md5').update(embedded.attachments[0]!.content).digest('hex'));

    const { documents } = await readMessageDocuments(embedded, documentReading());

    expect(documents.map(({ filename, sha256 }) => ({ filename, sha256 }))).toEqual([{ filename: 'broken.pdf', sha256: brokenPdfSha256 }]);
  });

  it('gives the text of the message enclosed in flanker-enclosed.eml, which has no attachment of its own', async () => {
    const { documents, embeddedTexts } = await readMessageDocuments(await parseFixture('flanker-enclosed.eml'), documentReading());

    expect(documents).toEqual([]);
    expect(embeddedTexts).toHaveLength(1);
    expect(embeddedTexts[0]!.subject).toBe('Thanks!');
    expect(embeddedTexts[0]!.text.split('\n').slice(0, 2)).toEqual(["dudes... you're kicking ass.", 'чтобы я без вас делал, дорогие мои!!!']);
  });

  it.each([
    ['mikel-mail-attachment_nonascii_filename.eml', { filename: 'ciële.txt', type: 'text', textRead: true, text: 'Hi there.\r\n' }],
    [
      'mikel-mail-attachment_with_encoded_name.eml',
      // Named .mp3, declared audio/mpeg, but its bytes are a PKCS#7 structure.
      { filename: '01 Quien Te Dijat. Pitbull.mp3', type: 'other', textRead: false, notReadReason: 'unknown file type: not read' },
    ],
    [
      'flanker-russian-attachment-yahoo.eml',
      {
        filename: 'Картинка с очень, очень длинным предлинным именем преименем таким чт',
        type: 'png',
        sha256: 'ac1c65a5a4437ae65257f886584b6499827ff4d4f71c52bab0b1b6e1eaa40aed',
        textRead: false,
        notReadReason: 'image: not read (no OCR)',
      },
    ],
  ])('decodes the file name of %s', async (name, expected) => {
    const { documents } = await readMessageDocuments(await parseFixture(name), documentReading());

    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject(expected);
  });

  it('keeps the photo iPhone Mail puts inline in flanker-iphone.eml', async () => {
    const { documents } = await readMessageDocuments(await parseFixture('flanker-iphone.eml'), documentReading());

    expect(documents.map(({ filename, type, size, sha256, notReadReason }) => ({ filename, type, size, sha256, notReadReason }))).toEqual([
      {
        filename: 'photo.JPG',
        type: 'jpeg',
        size: 9023,
        sha256: '92bc1dbdabb05590d732fbb996501f2ef27d78c93843c78fc443aac0d2b4d33c',
        notReadReason: 'image: not read (no OCR)',
      },
    ]);
  });

  it('leaves out the S/MIME signature of flanker-signed.eml and keeps the signed content', async () => {
    const { documents } = await readMessageDocuments(await parseFixture('flanker-signed.eml'), documentReading());

    expect(documents.map(({ filename, declaredContentType, type, text }) => ({ filename, declaredContentType, type, text }))).toEqual([
      { filename: 'attachment-1.txt', declaredContentType: 'application/plain', type: 'text', text: 'a pöstal sign of our times' },
    ]);
  });
});

describe('readMessageDocuments on built messages', () => {
  it('reads the text layer of an attached invoice PDF', async () => {
    const invoice = fixture('invoices/invoice2data-free_fiber.pdf');
    const mail = await composeAndParse({ attachments: [{ filename: 'facture-free.pdf', content: invoice }] });
    const { documents } = await readMessageDocuments(mail, documentReading());

    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      filename: 'facture-free.pdf',
      type: 'pdf',
      size: invoice.length,
      sha256: 'a3701f395925c3797845d469365c2764a717453baee53c6df07a3cf20267bfa2',
      textRead: true,
    });
    expect(documents[0]!.notReadReason).toBeUndefined();
    expect(documents[0]!.text.split('\n').slice(0, 3)).toEqual(['69100 VILLEURBANNE', '35 RUE du logiciel libre', 'de Lattre Alexis']);
    expect(documents[0]!.text).toContain('75371 Paris Cedex 08');
  });

  it('types a PNG named invoice.pdf and declared application/pdf as png', async () => {
    const png = fixture('invoices/textract-default-invoice-1.png');
    const mail = await composeAndParse({ attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', content: png }] });
    const { documents } = await readMessageDocuments(mail, documentReading());

    expect(documents.map(({ filename, declaredContentType, type, sha256, notReadReason }) => ({ filename, declaredContentType, type, sha256, notReadReason }))).toEqual([
      {
        filename: 'invoice.pdf',
        declaredContentType: 'application/pdf',
        type: 'png',
        sha256: '751d09b1d59dbc4a1e964b0335f9ff421d54d14ad458ece2e1e2d36c93f99446',
        notReadReason: 'image: not read (no OCR)',
      },
    ]);
  });

  it('names unnamed attachments from their position and detected type, and strips paths from names', async () => {
    const raw = [
      'From: marie.dupont@example.fr',
      'To: claims@claims.example.org',
      'Subject: fax',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Bonjour',
      '--b',
      'Content-Type: application/octet-stream',
      'Content-Transfer-Encoding: base64',
      '',
      fixture('fax/libtiff-g3test.tif').toString('base64'),
      '--b',
      'Content-Type: application/octet-stream; name="..\\\\..\\\\Windows\\\\ordonnance.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      fixture('invoices/invoice2data-AzureInterior.pdf').toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    const { documents } = await readMessageDocuments(await simpleParser(raw), documentReading());

    expect(documents.map(({ filename, type, textRead }) => ({ filename, type, textRead }))).toEqual([
      { filename: 'attachment-1.tif', type: 'tiff', textRead: false },
      { filename: 'ordonnance.pdf', type: 'pdf', textRead: true },
    ]);
  });

  it('leaves out a small signature logo shown by the HTML but keeps a large inline picture', async () => {
    const photo = fixture('invoices/textract-default-invoice-1.png');
    const mail = await composeAndParse({
      html: '<p>Ma facture</p><img src="cid:photo@example.fr"><p>--<br><img src="cid:logo@example.fr"></p>',
      attachments: [
        { filename: 'image001.png', content: TINY_PNG, cid: 'logo@example.fr' },
        { filename: 'facture.png', content: photo, cid: 'photo@example.fr' },
      ],
    });
    const { documents } = await readMessageDocuments(mail, documentReading());

    expect(documents.map(({ filename, size }) => ({ filename, size }))).toEqual([{ filename: 'facture.png', size: 90249 }]);
  });

  it('keeps a small image that is an attachment rather than part of the HTML', async () => {
    const mail = await composeAndParse({
      html: '<p>Ma facture</p>',
      attachments: [{ filename: 'recu.png', content: TINY_PNG }],
    });

    expect((await readMessageDocuments(mail, documentReading())).documents.map(({ filename, type }) => ({ filename, type }))).toEqual([
      { filename: 'recu.png', type: 'png' },
    ]);
  });

  it('reads text attachments in their declared charset and HTML attachments as text, by html-to-text in the decoder process', async () => {
    const mail = await composeAndParse({
      attachments: [
        { filename: 'adhesion.txt', contentType: 'text/plain; charset=iso-8859-1', content: Buffer.from("N° d'adhérent : 12345678\n", 'latin1') },
        {
          filename: 'facture.html',
          content:
            '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h1>Facture</h1>' +
            '<table><tr><th>Acte</th><th>Montant</th></tr><tr><td>Consultation</td><td>25,00&nbsp;&euro;</td></tr></table>' +
            '<p>Total&nbsp;: 30,00&nbsp;&euro;</p><p>Cabinet &amp; associés <a href="https://evil.example/pay">payer ici</a><img src="https://evil.example/t.png" alt="logo"></p></body></html>',
        },
      ],
    });
    const { documents } = await readMessageDocuments(mail, documentReading());

    expect(documents.map(({ filename, type, text }) => ({ filename, type, text }))).toEqual([
      { filename: 'adhesion.txt', type: 'text', text: "N° d'adhérent : 12345678\n" },
      { filename: 'facture.html', type: 'html', text: 'Facture\n\nActe           Montant\nConsultation   25,00\u00a0€\n\nTotal\u00a0: 30,00\u00a0€\n\nCabinet & associés payer ici' },
    ]);
  });

  it('tells a scanned PDF and an encrypted PDF apart from a read one, without throwing', async () => {
    const mail = await composeAndParse({
      attachments: [
        { filename: 'scan.pdf', content: await scannedPdf() },
        { filename: 'protege.pdf', content: await passwordProtectedPdf() },
        { filename: 'tronque.pdf', content: fixture('invoices/invoice2data-coolblue1.pdf').subarray(0, 2000) },
      ],
    });
    const { documents } = await readMessageDocuments(mail, documentReading());

    expect(documents.map(({ filename, type, textRead, notReadReason }) => ({ filename, type, textRead, notReadReason }))).toEqual([
      { filename: 'scan.pdf', type: 'pdf', textRead: false, notReadReason: 'scanned PDF without a text layer' },
      { filename: 'protege.pdf', type: 'pdf', textRead: false, notReadReason: 'encrypted PDF: a password is needed to open it' },
      { filename: 'tronque.pdf', type: 'pdf', textRead: false, notReadReason: 'broken PDF: Invalid PDF structure.' },
    ]);
  });

  it('takes the attachments of a message forwarded inline, whose text the parser puts in the body', async () => {
    const forwarded = await composeMail({ attachments: [{ filename: 'facture.pdf', content: fixture('invoices/invoice2data-free_fiber.pdf') }] });
    const mail = await composeAndParse({
      attachments: [{ filename: 'transfert.eml', contentType: 'message/rfc822', contentDisposition: 'inline', content: forwarded }],
    });
    const { documents, embeddedTexts } = await readMessageDocuments(mail, documentReading());

    expect(documents.map(({ filename, type, textRead }) => ({ filename, type, textRead }))).toEqual([
      { filename: 'facture.pdf', type: 'pdf', textRead: true },
    ]);
    expect(embeddedTexts).toEqual([]);
    expect(mail.text).toContain('From: "Marie Dupont" <marie.dupont@example.fr>\nSubject: Remboursement\n');
  });
});

describe('readMessageDocuments limits', () => {
  it('keeps but does not read attachments beyond the attachment limit', async () => {
    const invoice = fixture('invoices/invoice2data-NetpresseInvoice.pdf');
    const mail = await composeAndParse({
      attachments: [
        { filename: 'premiere.pdf', content: invoice },
        { filename: 'seconde.pdf', content: invoice },
      ],
    });
    const { documents } = await readMessageDocuments(mail, documentReading({ maxAttachments: 1 }));

    expect(documents.map(({ filename, textRead, notReadReason }) => ({ filename, textRead, notReadReason }))).toEqual([
      { filename: 'premiere.pdf', textRead: true, notReadReason: undefined },
      { filename: 'seconde.pdf', textRead: false, notReadReason: 'attachment beyond the 1-attachment read limit' },
    ]);
  });

  it('reads only the first pages of a long PDF, and no PDF over the size limit', async () => {
    const twoPages = fixture('invoices/invoice2data-QualityHosting.pdf');
    const mail = await composeAndParse({ attachments: [{ filename: 'rechnung.pdf', content: twoPages }] });

    const whole = await readMessageDocuments(mail, documentReading());
    const firstPage = await readMessageDocuments(mail, documentReading({ maxPdfPagesRead: 1 }));
    const overBytes = await readMessageDocuments(mail, documentReading({ maxPdfBytes: 10_000 }));

    const wholeText = whole.documents[0]?.text ?? '';
    const firstPageText = firstPage.documents[0]?.text ?? '';
    expect(firstPage.documents[0]).toMatchObject({ type: 'pdf', textRead: true });
    expect(firstPageText.length).toBeGreaterThan(100);
    expect(wholeText.startsWith(firstPageText)).toBe(true);
    expect(wholeText.length).toBeGreaterThan(firstPageText.length);
    expect(overBytes.documents[0]).toMatchObject({
      type: 'pdf',
      textRead: false,
      notReadReason: `PDF of ${twoPages.length} bytes, over the 10000-byte read limit`,
    });
  });

  it('opens forwarded messages down to the nesting limit and keeps deeper ones unopened', async () => {
    const innermost = await composeMail({ attachments: [{ filename: 'facture.pdf', content: fixture('invoices/invoice2data-free_fiber.pdf') }] });
    const forwardOf = (message: Buffer): MailComposerAttachment => ({
      filename: 'transfert.eml',
      contentType: 'message/rfc822',
      contentDisposition: 'attachment',
      content: message,
    });
    const middle = await composeMail({ attachments: [forwardOf(innermost)] });
    const mail = await composeAndParse({ attachments: [forwardOf(middle)] });

    const opened = await readMessageDocuments(mail, documentReading());
    const limited = await readMessageDocuments(mail, documentReading({ maxEmbeddedMessageDepth: 1 }));

    expect(opened.embeddedTexts.map(({ subject }) => subject)).toEqual(['Remboursement', 'Remboursement']);
    expect(opened.documents.map(({ filename, type, textRead }) => ({ filename, type, textRead }))).toEqual([
      { filename: 'facture.pdf', type: 'pdf', textRead: true },
    ]);
    expect(limited.embeddedTexts).toHaveLength(1);
    expect(limited.documents.map(({ filename, type, sha256, notReadReason }) => ({ filename, type, sha256, notReadReason }))).toEqual([
      {
        filename: 'transfert.eml',
        type: 'text',
        sha256: sha256(innermost),
        notReadReason: 'forwarded message beyond the 1-level nesting limit: not opened',
      },
    ]);
  });
});

describe('extractPdfText', () => {
  it('merges the pages of a PDF text layer', async () => {
    const text = await extractPdfText(fixture('invoices/invoice2data-QualityHosting.pdf'));

    expect(text.split('\n').slice(0, 3)).toEqual(['Hong Kong', 'Yuen Long, N.T.', '93B Sai Yu Chung']);
    expect(text).toContain('Rechnung Seite 1');
    expect(text).toContain('Rechnung Seite 2');
  });

  it('rejects a PDF it cannot open', async () => {
    await expect(extractPdfText(Buffer.from('%PDF-1.4\nnot really'))).rejects.toThrow('Invalid PDF structure.');
  });
});
