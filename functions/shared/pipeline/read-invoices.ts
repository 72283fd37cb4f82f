import { MAX_INVOICES_PER_CLAIM, providerIdentifiers, readInvoice, TEXT_LAYER_CONFIDENCE, type InvoicePage, type InvoiceReading } from '../domain/invoices/index.ts';
import { decideTreatmentLocation } from '../domain/location/index.ts';
import type { DocumentFile } from '../domain/types.ts';
import { required, type IntakeContext } from './context.ts';

/**
 * Reads each document that reads as an invoice, receipt or statement. Its own place evidence
 * decides what "$" and "03/04" mean on it; a document with none takes the claim's place.
 */
export async function readInvoices(context: IntakeContext): Promise<IntakeContext> {
  const location = required(context.location, 'the treatment location');
  const invoices: InvoiceReading[] = [];
  for (const document of required(context.documents, 'the documents')) {
    if (invoices.length >= MAX_INVOICES_PER_CLAIM) break;
    if (!document.textRead || document.text.trim() === '') continue;
    const evidence = location.evidence.filter((piece) => piece.source === document.filename);
    const country = decideTreatmentLocation(evidence).country ?? location.country ?? undefined;
    const reading = await readInvoice({
      document: document.filename,
      pages: pagesOf(document),
      ...(country ? { country } : {}),
      identifiers: providerIdentifiers(evidence),
    });
    if (reading) invoices.push(reading);
  }
  return { ...context, invoices };
}

/** OCR reads page by page, with its confidence; a text layer is one text, as sure as its layout lets it be. */
function pagesOf(document: DocumentFile): InvoicePage[] {
  if (!document.ocr) return [{ text: document.text, confidence: TEXT_LAYER_CONFIDENCE }];
  return document.ocr.pages.map((page) => ({ page: page.page, text: page.text, confidence: page.confidence / 100, ...(page.expense ? { expense: page.expense } : {}) }));
}
