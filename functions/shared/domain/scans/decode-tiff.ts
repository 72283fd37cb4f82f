import type { Metadata } from 'sharp';
import { greyPixels, openScan, scanMetadata } from './decoding.ts';
import type { ScanLimits } from './limits.ts';
import { OCR_MAX_LONG_SIDE } from './ocr-image.ts';
import { damaged, notRead, pixelLimitReason, type ScanDecoding, type ScanPage } from './scan-page.ts';
import { readTiffDirectories, unsupportedFeature, type TiffDirectory } from './tiff-directories.ts';

function resolutionOf(directory: TiffDirectory | undefined, density: number | undefined, scale: number): ScanPage['resolution'] {
  const x = directory?.xResolution ?? density;
  const y = directory?.yResolution ?? x;
  return x && y ? { x: x * scale, y: y * scale } : undefined;
}

/** A page the decoder failed on: unsupported when it uses what the decoder does not read, else damaged. */
function notDecoded(directory: TiffDirectory | undefined, damage: string): ScanDecoding {
  const feature = unsupportedFeature(directory);
  return feature ? notRead(`unsupported TIFF: ${feature}, which the image decoder does not read`) : damaged(damage);
}

/**
 * One page, no larger than OCR reads: a multi-page TIFF is decoded page by page, and no page is
 * held at a resolution OCR would not use.
 */
async function decodePage(content: Buffer, index: number, metadata: Metadata, directory: TiffDirectory | undefined, limits: ScanLimits): Promise<ScanPage> {
  const scan = (await openScan(content, limits, { page: index })).resize({
    width: OCR_MAX_LONG_SIDE,
    height: OCR_MAX_LONG_SIDE,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const { data, info } = await greyPixels(scan);
  return {
    pixels: data,
    width: info.width,
    height: info.height,
    resolution: resolutionOf(directory, metadata.density, info.width / metadata.width),
    bilevel: (directory?.bitsPerSample ?? 1) === 1,
  };
}

/** Every page of a TIFF (fax gateways send G3 and G4, multi-page), within the limits. */
export async function decodeTiff(content: Buffer, limits: ScanLimits): Promise<ScanDecoding> {
  const directories = readTiffDirectories(content);
  let pageCount: number;
  try {
    pageCount = (await scanMetadata(content)).pages ?? 1;
  } catch {
    return notDecoded(directories[0], 'damaged TIFF: its header cannot be read');
  }
  if (pageCount > limits.maxPagesPerDocument) {
    return notRead(`TIFF of ${pageCount} pages, over the ${limits.maxPagesPerDocument}-page read limit`);
  }
  const pages: ScanPage[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    const directory = directories[index];
    let metadata: Metadata;
    try {
      metadata = await scanMetadata(content, { page: index });
    } catch {
      return notDecoded(directory, `damaged TIFF: page ${index + 1} cannot be read`);
    }
    if (metadata.width * metadata.height > limits.maxPixelsPerPage) {
      return notRead(pixelLimitReason(index + 1, metadata.width, metadata.height, limits.maxPixelsPerPage));
    }
    try {
      pages.push(await decodePage(content, index, metadata, directory, limits));
    } catch {
      return notDecoded(directory, `damaged TIFF: page ${index + 1} cannot be decoded`);
    }
  }
  return { kind: 'pages', pages };
}
