import type { Metadata } from 'sharp';
import { greyPixels, openScan, scanMetadata } from './decoding.ts';
import type { ScanLimits } from './limits.ts';
import { OCR_MAX_LONG_SIDE } from './ocr-image.ts';
import { notRead, pixelLimitReason, type ScanDecoding } from './scan-page.ts';

/**
 * A photo (JPEG, PNG, WebP, GIF), turned upright as its EXIF orientation says, and no larger
 * than OCR reads: the original is forwarded, this copy only serves OCR. A picture that does not
 * decode is forwarded unread rather than held: mail clients attach odd images (logos, partial
 * GIFs) that a claim does not depend on, while a damaged fax is the claim itself.
 */
export async function decodePhoto(content: Buffer, limits: ScanLimits): Promise<ScanDecoding> {
  let metadata: Metadata;
  try {
    metadata = await scanMetadata(content);
  } catch {
    return notRead('image that cannot be decoded');
  }
  if (metadata.width * metadata.height > limits.maxPixelsPerPage) {
    return notRead(pixelLimitReason(1, metadata.width, metadata.height, limits.maxPixelsPerPage));
  }
  try {
    const upright = (await openScan(content, limits))
      .autoOrient()
      .resize({ width: OCR_MAX_LONG_SIDE, height: OCR_MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await greyPixels(upright);
    return { kind: 'pages', pages: [{ pixels: data, width: info.width, height: info.height, bilevel: false }] };
  } catch {
    return notRead('image that cannot be decoded');
  }
}
