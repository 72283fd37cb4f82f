import { loadSharp } from './load-sharp.ts';
import type { ScanPage } from './scan-page.ts';

/**
 * Longest side, in pixels, of what OCR reads: an A4 page at about 210 dpi. Tesseract reads body
 * text well from 200 dpi, and its time grows with the pixels.
 */
export const OCR_MAX_LONG_SIDE = 2500;
/** A page whose file gives no resolution (a photo) is taken to fill the picture with an A4 sheet. */
const A4_LONG_SIDE_INCHES = 11.69;
/** Median filter size that removes a fax line's speckle without eating the strokes of letters. */
const FAX_SPECKLE_FILTER = 3;

/**
 * The page as OCR reads it best: square pixels (a standard-resolution fax page stretched to its
 * real proportions), fax speckle filtered, no larger than OCR_MAX_LONG_SIDE, as a PNG that says
 * its resolution.
 */
export async function ocrImage(page: ScanPage): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height, resolution } = page;
  const xDpi = resolution?.x ?? Math.max(width, height) / A4_LONG_SIDE_INCHES;
  const stretchedHeight = resolution ? (height * resolution.x) / resolution.y : height;
  const scale = Math.min(1, OCR_MAX_LONG_SIDE / Math.max(width, stretchedHeight));
  let image = sharp(page.pixels, { raw: { width, height, channels: 1 } }).resize(
    Math.round(width * scale),
    Math.round(stretchedHeight * scale),
    { fit: 'fill' },
  );
  if (page.bilevel) image = image.median(FAX_SPECKLE_FILTER);
  return image.withMetadata({ density: xDpi * scale }).png().toBuffer();
}
