import type { DocumentType } from '../types.ts';
import { htmlToText } from './html-text.ts';
import type { DocumentLimits } from './limits.ts';
import { readPdfText } from './pdf-text.ts';
import { decodeText } from './text-decoding.ts';
import { textNotRead, textWasRead, type TextReading } from './text-reading.ts';

const IMAGE_NOT_READ_REASON = 'image: not read (no OCR)';

/** Reads what text a document of a detected type gives without OCR; never throws. */
export async function readDocumentText(
  content: Buffer,
  type: DocumentType,
  declaredCharset: string | undefined,
  limits: DocumentLimits,
): Promise<TextReading> {
  switch (type) {
    case 'pdf':
      return readPdfText(content, limits);
    case 'text':
      return textWasRead(decodeText(content, declaredCharset));
    case 'html':
      return textWasRead(htmlToText(decodeText(content, declaredCharset)));
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
