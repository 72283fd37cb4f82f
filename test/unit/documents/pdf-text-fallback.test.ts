import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sharedDocumentDecoder } from '../../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../functions/shared/domain/documents/limits.ts';
import { extractPdfText } from '../../../functions/shared/domain/documents/pdf-text.ts';
import type { TextReading } from '../../../functions/shared/domain/documents/text-reading.ts';
import { buildPdf, onePageObjects, stream } from './minimal-pdf.ts';

/** A PDF's text as the intake reads it: through the worker-thread decoder, within a document's time. */
const readPdfText = (content: Buffer): Promise<TextReading> =>
  sharedDocumentDecoder().readText(
    { decoder: 'pdf-text', content, maxPdfPagesRead: DEFAULT_DOCUMENT_LIMITS.maxPdfPagesRead },
    Deadline.in(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerDocument),
  );

/** A one-page PDF with a text layer, and an encryption dictionary asking for a user password. */
async function passwordProtectedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("Note d'honoraires - consultation du 14 mars 2025 - 30,00 EUR", { x: 50, y: 700, font, size: 12 });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(
    pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4, O: PDFHexString.of('00'.repeat(32)), U: PDFHexString.of('11'.repeat(32)) }),
  );
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Helvetica text, then a letter in a font naming its glyph by an Adobe glyph name (afii10017 is Cyrillic A). */
const cyrillicGlyphPdf = (): Buffer =>
  buildPdf({
    ...onePageObjects('BT /F1 12 Tf 72 700 Td (Facture de consultation du docteur Petrov) Tj /F2 12 Tf ( a) Tj ET', '<< /Font << /F1 4 0 R /F2 6 0 R >> >>'),
    6: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [97 /afii10017] >> >>',
  });

const imageOnlyPdf = (): Buffer =>
  buildPdf({
    ...onePageObjects('q 612 0 0 792 0 0 cm /Im1 Do Q', '<< /XObject << /Im1 6 0 R >> >>'),
    6: stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x00'),
  });

describe('reading PDFs pdf.js opens with difficulty or not at all', () => {
  it('answers that a password is needed for an encrypted PDF', async () => {
    const pdf = await passwordProtectedPdf();

    expect(await readPdfText(pdf)).toEqual({ text: '', textRead: false, notReadReason: 'encrypted PDF: a password is needed to open it' });
  });

  it("answers pdf.js's reason for a broken PDF, and extractPdfText throws it", async () => {
    const pdf = Buffer.from('%PDF-1.4\nnot really');

    expect(await readPdfText(pdf)).toEqual({ text: '', textRead: false, notReadReason: 'broken PDF: Invalid PDF structure.' });
    await expect(extractPdfText(pdf)).rejects.toThrow('Invalid PDF structure.');
  });

  it('reads a letter a font names by its glyph name', async () => {
    const pdf = cyrillicGlyphPdf();

    expect(await readPdfText(pdf)).toEqual({ text: 'Facture de consultation du docteur Petrov А', textRead: true });
    expect(await extractPdfText(pdf)).toBe('Facture de consultation du docteur Petrov А');
  });

  it('takes a PDF whose pages are only images for a scan', async () => {
    const pdf = imageOnlyPdf();

    expect(await readPdfText(pdf)).toEqual({ text: '', textRead: false, notReadReason: 'scanned PDF without a text layer' });
  });
});
