import { DEFAULT_DOCUMENT_LIMITS } from '../documents/limits.ts';
import type { DocumentFile, DocumentType } from '../types.ts';
import { decodePdfScan } from './decode-pdf-scan.ts';
import { decodePhoto } from './decode-photo.ts';
import { decodeTiff } from './decode-tiff.ts';
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

/** The pages of a scan, decoded within the limits; never throws. */
export function decodeScan(document: DocumentFile, limits: ScanLimits): Promise<ScanDecoding> {
  if (document.type === 'tiff') return decodeTiff(document.content, limits);
  if (document.type === 'pdf') return decodePdfScan(document.content, limits);
  // The HEVC codec of iPhone photos is not in the image library's build.
  if (document.type === 'heic') return Promise.resolve(notRead('HEIC photo: no decoder for it here'));
  return decodePhoto(document.content, limits);
}
