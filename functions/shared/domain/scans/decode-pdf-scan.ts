import { loadSharp } from './load-sharp.ts';
import type { ScanLimits } from './limits.ts';
import { OCR_MAX_LONG_SIDE } from './ocr-image.ts';
import { damaged, notRead, type ScanDecoding, type ScanPage } from './scan-page.ts';

/** pdf.js log level: errors only, so that its warnings about odd files do not fill the logs. */
const PDFJS_ERRORS_ONLY = 0;
const POINTS_PER_INCH = 72;

type Unpdf = typeof import('unpdf');
type PdfDocument = Awaited<ReturnType<Unpdf['getDocumentProxy']>>;
type PageImage = Awaited<ReturnType<Unpdf['extractImages']>>[number];

/** Scanner apps put each page's scan in one image; a logo or a stamp beside it is smaller. */
function largest(images: readonly PageImage[]): PageImage | undefined {
  return images.reduce<PageImage | undefined>((found, image) => (found && found.width * found.height >= image.width * image.height ? found : image), undefined);
}

async function scanPage(pdf: PdfDocument, unpdf: Unpdf, pageNumber: number): Promise<ScanPage | undefined> {
  const image = largest(await unpdf.extractImages(pdf, pageNumber));
  if (!image) return undefined;
  const [left = 0, , right = 0] = (await pdf.getPage(pageNumber)).view;
  const pageWidthInches = (right - left) / POINTS_PER_INCH;
  const scale = Math.min(1, OCR_MAX_LONG_SIDE / Math.max(image.width, image.height));
  const sharp = await loadSharp();
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(Math.round(image.width * scale), Math.round(image.height * scale), { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const dpi = info.width / pageWidthInches;
  return { pixels: data, width: info.width, height: info.height, resolution: { x: dpi, y: dpi }, bilevel: false };
}

/**
 * The page images of a PDF without a text layer (a scan). A PDF that does not open keeps what
 * the text reader said of it (encrypted, broken); images over the pixel bound are not decoded.
 */
export async function decodePdfScan(content: Buffer, limits: ScanLimits): Promise<ScanDecoding> {
  // Loaded on first use, as by the text reader: most messages carry no PDF.
  const unpdf = await import('unpdf');
  let pdf: PdfDocument;
  try {
    pdf = await unpdf.getDocumentProxy(new Uint8Array(content), { verbosity: PDFJS_ERRORS_ONLY, maxImageSize: limits.maxPixelsPerPage });
  } catch {
    return { kind: 'no-images' };
  }
  try {
    if (pdf.numPages > limits.maxPagesPerDocument) {
      return notRead(`PDF of ${pdf.numPages} pages, over the ${limits.maxPagesPerDocument}-page read limit`);
    }
    const pages: ScanPage[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      const page = await scanPage(pdf, unpdf, pageNumber);
      if (page) pages.push(page);
    }
    return pages.length > 0 ? { kind: 'pages', pages } : { kind: 'no-images' };
  } catch {
    return damaged('damaged PDF: its page images cannot be decoded');
  } finally {
    await pdf.loadingTask.destroy();
  }
}
