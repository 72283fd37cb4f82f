import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import { loadSharp } from './load-sharp.ts';
import type { ScanLimits } from './limits.ts';

/**
 * Opens a scan within the pixel bound, strictly: a file the decoder had to repair (a fax line cut
 * short, a truncated photo) would be read wrong, so it is taken as damaged.
 */
export async function openScan(content: Buffer | Uint8Array, limits: ScanLimits, options: SharpOptions = {}): Promise<Sharp> {
  const sharp = await loadSharp();
  return sharp(content, { limitInputPixels: limits.maxPixelsPerPage, failOn: 'warning', sequentialRead: true, ...options });
}

/** The header of a scan (size, pages, resolution): reading it decodes no pixel, so it is read whatever the size. */
export async function scanMetadata(content: Buffer, options: SharpOptions = {}): Promise<Metadata> {
  const sharp = await loadSharp();
  return sharp(content, { limitInputPixels: false, ...options }).metadata();
}

/** One grey byte per pixel; transparent parts (a PNG's background) white, as on paper. */
export function greyPixels(image: Sharp): Promise<{ data: Buffer; info: OutputInfo }> {
  return image.flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
}
