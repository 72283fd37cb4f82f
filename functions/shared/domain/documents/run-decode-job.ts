import { decodePdfScan } from '../scans/decode-pdf-scan.ts';
import { decodePhoto } from '../scans/decode-photo.ts';
import { decodeTiff } from '../scans/decode-tiff.ts';
import type { ScanDecoding } from '../scans/scan-page.ts';
import type { DecodeJob } from './document-decoder.ts';
import { readHtmlText } from './read-html.ts';
import { readPdfText } from './pdf-text.ts';
import type { TextReading } from './text-reading.ts';

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Runs one decoder on a document's bytes: what the isolated decoder's worker does with each job. */
export async function runDecodeJob(job: DecodeJob): Promise<TextReading | ScanDecoding> {
  switch (job.decoder) {
    case 'pdf-text':
      return readPdfText(job.content, job);
    case 'html-text':
      return readHtmlText(job.html);
    case 'tiff-pages':
      return decodeTiff(asBuffer(job.content), job.limits);
    case 'pdf-scan-pages':
      return decodePdfScan(asBuffer(job.content), job.limits);
    case 'photo-pages':
      return decodePhoto(asBuffer(job.content), job.limits);
  }
}
