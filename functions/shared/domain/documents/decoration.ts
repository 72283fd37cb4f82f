import type { Attachment } from 'mailparser';
import type { DocumentType } from '../types.ts';
import { mediaType } from './media-type.ts';

/**
 * Logos and icons of e-mail signatures weigh a few kilobytes; a photo or a scan of a document,
 * even a small one, weighs more.
 */
const SIGNATURE_IMAGE_MAX_BYTES = 15 * 1024;

const IMAGE_TYPES: ReadonlySet<DocumentType> = new Set(['jpeg', 'png', 'gif', 'webp', 'tiff', 'heic']);

/** Signatures of signed mail (S/MIME, PGP): part of the envelope, not of the claim. */
const DETACHED_SIGNATURE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
]);

function isSignatureImage(attachment: Attachment, type: DocumentType, html: string): boolean {
  if (attachment.cid === undefined || !IMAGE_TYPES.has(type) || attachment.size >= SIGNATURE_IMAGE_MAX_BYTES) return false;
  // The parser may have replaced cid: links with data: URLs; an image it found inside
  // multipart/related with a Content-ID is one the HTML displays.
  return attachment.related === true || html.includes(`cid:${attachment.cid}`);
}

function isDetachedSignature(attachment: Attachment, type: DocumentType): boolean {
  // A document mislabelled as a signature is still detected by its content, and kept.
  return DETACHED_SIGNATURE_CONTENT_TYPES.has(mediaType(attachment.contentType)) && type === 'other';
}

/** Parts that decorate or sign the message rather than being documents of the claim. */
export function isMessageDecoration(attachment: Attachment, type: DocumentType, html: string): boolean {
  return isSignatureImage(attachment, type, html) || isDetachedSignature(attachment, type);
}
