import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../functions/shared/domain/documents/limits.ts';
import { extractPdfText, readPdfText } from '../../../functions/shared/domain/documents/pdf-text.ts';
import { renderInvoicePdf } from '../../fixtures/generator/invoice-pdf.ts';
import { INVOICES } from '../../fixtures/generator/invoices.ts';
import { buildPdf, deflatedStream, HELVETICA, onePageObjects, stream } from './minimal-pdf.ts';

// pdf.js made unusable: whatever reaches it comes back as "broken PDF: pdf.js was loaded".
vi.mock('unpdf', () => ({
  getDocumentProxy: () => Promise.reject(new Error('pdf.js was loaded')),
}));

const HANDED_TO_PDFJS = { text: '', textRead: false, notReadReason: 'broken PDF: pdf.js was loaded' };

/** Three pages of text, the third's content stream not a zlib stream. */
function brokenThirdPagePdf(): Buffer {
  const page = (number: number): string => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${number + 1} 0 R >>`;
  return buildPdf({
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    2: '<< /Type /Pages /Kids [10 0 R 20 0 R 30 0 R] /Count 3 >>',
    3: HELVETICA,
    10: page(10),
    11: deflatedStream('', 'BT /F1 12 Tf 72 700 Td (First page of the statement) Tj ET'),
    20: page(20),
    21: deflatedStream('', 'BT /F1 12 Tf 72 700 Td (Second page) Tj ET'),
    30: page(30),
    31: stream('/Filter /FlateDecode', 'not zlib data'),
  });
}

const lettersPdf = (count: number): Buffer => buildPdf(onePageObjects(`BT /F1 12 Tf 72 700 Td (${'x'.repeat(count)}) Tj ET`));

describe('reading a PDF the fast reader handles', () => {
  it('never loads pdf.js for a generated invoice', async () => {
    const reading = await readPdfText(Buffer.from(await renderInvoicePdf(INVOICES['itemized-bill-boston.pdf'])), DEFAULT_DOCUMENT_LIMITS);

    expect(reading.textRead).toBe(true);
    expect(reading.text.split('\n').slice(0, 3)).toEqual(['Back Bay Medical Center', '1150 Huntington Avenue', 'Boston, MA 02115']);
  });

  it('extracts a real invoice without pdf.js', async () => {
    const text = await extractPdfText(readFileSync(new URL('../../fixtures/third-party/invoices/invoice2data-QualityHosting.pdf', import.meta.url)));

    expect(text.split('\n').slice(0, 3)).toEqual(['Hong Kong', 'Yuen Long, N.T.', '93B Sai Yu Chung']);
  });

  it('reads the first pages only, so a broken page after them does not send the PDF to pdf.js', async () => {
    const pdf = brokenThirdPagePdf();

    expect(await readPdfText(pdf, { ...DEFAULT_DOCUMENT_LIMITS, maxPdfPagesRead: 2 })).toEqual({ text: 'First page of the statement\nSecond page', textRead: true });
    expect(await readPdfText(pdf, DEFAULT_DOCUMENT_LIMITS)).toEqual(HANDED_TO_PDFJS);
  });

  it('lets pdf.js have a try when it finds fewer than 25 letters and digits, the stamp of a scanner app', async () => {
    expect(await readPdfText(lettersPdf(25), DEFAULT_DOCUMENT_LIMITS)).toEqual({ text: 'x'.repeat(25), textRead: true });
    expect(await readPdfText(lettersPdf(24), DEFAULT_DOCUMENT_LIMITS)).toEqual(HANDED_TO_PDFJS);
  });

  it('hands what it does not support to pdf.js', async () => {
    const encrypted = buildPdf(onePageObjects('BT /F1 12 Tf 72 700 Td (Some text of more than twenty-five letters) Tj ET'), '/Encrypt << /Filter /Standard /V 1 /R 2 >>');

    expect(await readPdfText(encrypted, DEFAULT_DOCUMENT_LIMITS)).toEqual(HANDED_TO_PDFJS);
    await expect(extractPdfText(encrypted)).rejects.toThrow('pdf.js was loaded');
  });
});
