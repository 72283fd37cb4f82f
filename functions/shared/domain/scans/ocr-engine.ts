import type { ExpenseSummary } from '../invoices/index.ts';
import type { OcrEngineName } from '../types.ts';

export interface OcrPageText {
  readonly text: string;
  /** 0 to 100. */
  readonly confidence: number;
  /** The invoice fields the engine itself read on the page (Textract AnalyzeExpense). */
  readonly expense?: ExpenseSummary;
}

/** Reads the text of page images; tesseract.js in the function, or Amazon Textract. */
export interface OcrEngine {
  readonly name: OcrEngineName;
  /** Reads one page (a PNG); rejects once the signal aborts. */
  recognize(image: Buffer, signal: AbortSignal): Promise<OcrPageText>;
  /** Frees what the engine holds between claims (a worker); it starts again when next used. */
  release(): Promise<void>;
}
