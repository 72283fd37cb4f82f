import type { OcrEngine } from '../../domain/scans/index.ts';
import type { OcrEngineName } from '../../domain/types.ts';
import { TesseractEngine } from './tesseract-engine.ts';
import { TextractEngine } from './textract-engine.ts';

/** The engine the configuration names (OCR_ENGINE); neither loads anything before its first page. */
export function createOcrEngine(name: OcrEngineName): OcrEngine {
  return name === 'textract' ? new TextractEngine() : new TesseractEngine();
}
