import type { Deadline } from '../deadline.ts';
import type { DocumentDecoder, ScanJob } from '../documents/document-decoder.ts';
import { DEFAULT_DOCUMENT_LIMITS } from '../documents/limits.ts';
import type { DocumentFile, DocumentType } from '../types.ts';
import type { ScanLimits } from './limits.ts';
import { notRead, type ScanDecoding } from './scan-page.ts';

const PHOTO_TYPES: ReadonlySet<DocumentType> = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * Documents whose text can only come from their images: pictures, and PDFs that gave no text
 * (within the size pdf.js can hold in memory).
 */
export function isScan(document: DocumentFile): boolean {
  if (document.textRead || document.beyondReadLimit) return false;
  if (document.type === 'pdf') return document.size <= DEFAULT_DOCUMENT_LIMITS.maxPdfBytes;
  return document.type === 'tiff' || document.type === 'heic' || PHOTO_TYPES.has(document.type);
}

function decoderOf(type: DocumentType): ScanJob['decoder'] {
  if (type === 'tiff') return 'tiff-pages';
  if (type === 'pdf') return 'pdf-scan-pages';
  return 'photo-pages';
}

/** The pages of a scan, decoded by the decoder within the limits and the deadline; never throws. */
export function decodeScan(document: DocumentFile, limits: ScanLimits, decoder: DocumentDecoder, deadline: Deadline): Promise<ScanDecoding> {
  // The HEVC codec of iPhone photos is not in the image library's build.
  if (document.type === 'heic') return Promise.resolve(notRead('HEIC photo: no decoder for it here'));
  return decoder.decodeScan({ decoder: decoderOf(document.type), content: document.content, limits }, deadline);
}
