import type { Deadline } from '../deadline.ts';
import type { DocumentType } from '../types.ts';
import type { DocumentDecoder } from './document-decoder.ts';
import type { DocumentLimits } from './limits.ts';
import { decodeText } from './text-decoding.ts';
import { textNotRead, textWasRead, type TextReading } from './text-reading.ts';

const IMAGE_NOT_READ_REASON = 'image: not read (no OCR)';

/**
 * Reads what text a document of a detected type gives without OCR, PDFs and HTML through the
 * decoder within the deadline; never throws.
 */
export async function readDocumentText(
  content: Buffer,
  type: DocumentType,
  declaredCharset: string | undefined,
  limits: DocumentLimits,
  decoder: DocumentDecoder,
  deadline: Deadline,
): Promise<TextReading> {
  switch (type) {
    case 'pdf':
      if (content.length > limits.maxPdfBytes) {
        return textNotRead(`PDF of ${content.length} bytes, over the ${limits.maxPdfBytes}-byte read limit`);
      }
      return decoder.readText({ decoder: 'pdf-text', content, maxPdfPagesRead: limits.maxPdfPagesRead }, deadline);
    case 'text':
      return textWasRead(decodeText(content, declaredCharset));
    case 'html':
      return decoder.readText({ decoder: 'html-text', html: decodeText(content, declaredCharset) }, deadline);
    case 'tiff':
    case 'jpeg':
    case 'png':
    case 'gif':
    case 'heic':
    case 'webp':
      return textNotRead(IMAGE_NOT_READ_REASON);
    case 'office':
      return textNotRead('office document: not read');
    case 'other':
      return textNotRead('unknown file type: not read');
  }
}
