import { readFile, readlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseractEngine } from '../../../functions/shared/adapters/ocr/tesseract-engine.ts';
import { tesseractLanguageFolder } from '../../../functions/shared/adapters/ocr/tesseract-languages.ts';
import { ocrImage } from '../../../functions/shared/domain/scans/index.ts';
import { documentFile } from '../../support/contexts.ts';
import { decodeScanned } from '../../support/document-reading.ts';

/** Starting the worker and loading two languages takes seconds on a busy machine. */
const OCR_TIMEOUT_MS = 60_000;
const engine = new TesseractEngine();

afterAll(() => engine.release());

async function faxPageImages(name: string): Promise<Buffer[]> {
  const content = await readFile(path.resolve('test', 'fixtures', 'scans', name));
  const decoding = await decodeScanned(documentFile(name, '', { type: 'tiff', content, textRead: false }));
  if (decoding.kind !== 'pages') throw new Error(`${name} did not decode`);
  return Promise.all(decoding.pages.map(ocrImage));
}

const noDeadline = () => new AbortController().signal;

describe('TesseractEngine', { timeout: OCR_TIMEOUT_MS }, () => {
  it('links the language data of the npm packages into one folder, downloading nothing', async () => {
    const folder = await tesseractLanguageFolder();
    const require = createRequire(import.meta.url);
    for (const language of ['eng', 'fra']) {
      const packageFolder = path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
      expect(await readlink(path.join(folder, `${language}.traineddata.gz`))).toBe(path.join(packageFolder, '4.0.0_best_int', `${language}.traineddata.gz`));
    }
  });

  it('reads a standard-resolution Group 4 fax page, once stretched to square pixels', async () => {
    const [first] = await faxPageImages('fax-boston-standard-g4.tif');
    const page = await engine.recognize(first ?? expect.unreachable(), noDeadline());
    const lines = page.text.split('\n').filter(Boolean);
    expect(lines).toContain('Boston, MA 02115');
    expect(lines).toContain('Member ID: 20481632');
    expect(lines).toContain('Patient: John Carter');
    expect(page.confidence).toBeGreaterThan(85);
  });

  it('reads French on a fine-resolution fax page', async () => {
    const [first] = await faxPageImages('fax-casablanca-fine-g4.tif');
    const { text } = await engine.recognize(first ?? expect.unreachable(), noDeadline());
    expect(text).toContain("37, boulevard d'Anfa, Casablanca, Maroc");
    expect(text).toContain('Consultation de médecine générale');
  });

  it('gives up a page when the claim runs out of time, and reads the next one with a new worker', async () => {
    const [first, second] = await faxPageImages('fax-boston-standard-g4.tif');
    const deadline = new AbortController();
    const abandoned = engine.recognize(first ?? expect.unreachable(), deadline.signal);
    deadline.abort(new Error('OCR time ran out'));
    await expect(abandoned).rejects.toThrow('OCR time ran out');
    await expect(engine.recognize(second ?? expect.unreachable(), deadline.signal)).rejects.toThrow('OCR time ran out');

    const { text } = await engine.recognize(second ?? expect.unreachable(), noDeadline());
    expect(text).toContain('Balance due (USD) USD 227.00');
  });
});
