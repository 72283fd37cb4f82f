import type { Metadata } from 'sharp';
import { greyPixels, openScan, scanMetadata } from './decoding.ts';
import type { ScanLimits } from './limits.ts';
import { damaged, notRead, pixelLimitReason, type ScanDecoding, type ScanPage } from './scan-page.ts';
import { readTiffDirectories, type TiffDirectory } from './tiff-directories.ts';

function resolutionOf(directory: TiffDirectory | undefined, density: number | undefined): ScanPage['resolution'] {
  const x = directory?.xResolution ?? density;
  const y = directory?.yResolution ?? x;
  return x && y ? { x, y } : undefined;
}

/** Every page of a TIFF (fax gateways send G3 and G4, multi-page), within the limits. */
export async function decodeTiff(content: Buffer, limits: ScanLimits): Promise<ScanDecoding> {
  let pageCount: number;
  try {
    pageCount = (await scanMetadata(content)).pages ?? 1;
  } catch {
    return damaged('damaged TIFF: its header cannot be read');
  }
  if (pageCount > limits.maxPagesPerDocument) {
    return notRead(`TIFF of ${pageCount} pages, over the ${limits.maxPagesPerDocument}-page read limit`);
  }
  const directories = readTiffDirectories(content);
  const pages: ScanPage[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    let metadata: Metadata;
    try {
      metadata = await scanMetadata(content, { page: index });
    } catch {
      return damaged(`damaged TIFF: page ${index + 1} cannot be read`);
    }
    if (metadata.width * metadata.height > limits.maxPixelsPerPage) {
      return notRead(pixelLimitReason(index + 1, metadata.width, metadata.height, limits.maxPixelsPerPage));
    }
    try {
      const { data, info } = await greyPixels(await openScan(content, limits, { page: index }));
      const directory = directories[index];
      pages.push({
        pixels: data,
        width: info.width,
        height: info.height,
        resolution: resolutionOf(directory, metadata.density),
        bilevel: (directory?.bitsPerSample ?? 1) === 1,
      });
    } catch {
      return damaged(`damaged TIFF: page ${index + 1} cannot be decoded`);
    }
  }
  return { kind: 'pages', pages };
}
