/**
 * OCR of a 3-page fax at fine (204 x 196 dpi) and at standard (204 x 98 dpi) resolution, as the
 * intake reads it (decoded, stretched to square pixels, speckle filtered, tesseract.js), in a
 * process of its own so that its memory peak is OCR's.
 *
 *   npx tsx bench/scenarios/ocr.ts
 *
 * Prints one line: {"ocr":{"msPerPageFine":n,"msPerPageStandard":n,"peakRssMb":n}}
 */
import { TesseractEngine } from '../../functions/shared/adapters/ocr/tesseract-engine.ts';
import { decodeScan, DEFAULT_SCAN_LIMITS, ocrImage } from '../../functions/shared/domain/scans/index.ts';
import type { DocumentFile } from '../../functions/shared/domain/types.ts';
import { faxTiff, type FaxResolution } from '../../test/fixtures/generator/scans/fax-tiff.ts';
import { INVOICES } from '../../test/fixtures/generator/invoices.ts';
import { progress, reportResult } from '../lib/scenario-output.ts';
import { round } from '../lib/stats.ts';
import type { OcrResult } from '../results.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';

/** Three full pages of an invoice's lines: what a claim faxed by a clinic looks like. */
const BILL = INVOICES['itemized-bill-boston.pdf'];
const PAGE_LINES = [...BILL.issuer, '', BILL.heading, ...BILL.details, '', ...BILL.items.map(([label, amount]) => `${label}   ${amount}`), ...BILL.footer];
const FAX_PAGES = [PAGE_LINES, PAGE_LINES, PAGE_LINES];
const KILOBYTES_PER_MEGABYTE = 1024;

function faxDocument(content: Buffer): DocumentFile {
  return { filename: 'fax.tif', declaredContentType: 'image/tiff', type: 'tiff', size: content.length, sha256: '', content, text: '', textRead: false };
}

/** Milliseconds per page to decode and read the fax, the worker already started. */
async function msPerPage(engine: TesseractEngine, resolution: FaxResolution): Promise<number> {
  const fax = await faxTiff(FAX_PAGES, resolution);
  const started = performance.now();
  const decoding = await decodeScan(faxDocument(fax), DEFAULT_SCAN_LIMITS, sharedDocumentDecoder(), Deadline.in(DEFAULT_SCAN_LIMITS.maxDecodeMsPerDocument));
  if (decoding.kind !== 'pages') throw new Error(`The ${resolution} fax did not decode: ${decoding.kind}`);
  for (const page of decoding.pages) {
    const { text } = await engine.recognize(await ocrImage(page), new AbortController().signal);
    if (!text.includes('Boston, MA 02115')) throw new Error(`The ${resolution} fax was misread`);
  }
  return (performance.now() - started) / decoding.pages.length;
}

const engine = new TesseractEngine();
try {
  progress('starting the OCR worker on a first page');
  await msPerPage(engine, 'fine');
  progress('fine resolution');
  const msPerPageFine = await msPerPage(engine, 'fine');
  progress('standard resolution');
  const msPerPageStandard = await msPerPage(engine, 'standard');
  const result: OcrResult = {
    msPerPageFine: round(msPerPageFine),
    msPerPageStandard: round(msPerPageStandard),
    // The worker thread's memory is the process's: maxRSS counts it.
    peakRssMb: round(process.resourceUsage().maxRSS / KILOBYTES_PER_MEGABYTE),
  };
  reportResult('ocr', result);
} finally {
  await engine.release();
}
