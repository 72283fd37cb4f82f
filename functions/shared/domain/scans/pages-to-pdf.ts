import { loadSharp } from './load-sharp.ts';
import type { ScanPage } from './scan-page.ts';

const POINTS_PER_INCH = 72;
/** Fax machines' fine resolution: what a TIFF that gives none most likely is. */
const ASSUMED_DPI = 200;

/**
 * A PDF of a fax's pages, each at its paper size: administrators read PDFs more easily than
 * multi-page TIFF files.
 */
export async function pagesToPdf(pages: readonly ScanPage[]): Promise<Buffer> {
  const [sharp, { PDFDocument }] = await Promise.all([loadSharp(), import('pdf-lib')]);
  const pdf = await PDFDocument.create();
  for (const page of pages) {
    const png = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } }).png().toBuffer();
    const image = await pdf.embedPng(png);
    const width = (page.width / (page.resolution?.x ?? ASSUMED_DPI)) * POINTS_PER_INCH;
    const height = (page.height / (page.resolution?.y ?? ASSUMED_DPI)) * POINTS_PER_INCH;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await pdf.save());
}
