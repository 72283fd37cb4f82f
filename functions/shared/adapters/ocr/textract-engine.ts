import type { TextractClient } from '@aws-sdk/client-textract';
import type { OcrEngine, OcrPageText } from '../../domain/scans/index.ts';
import { expenseSummary } from './expense-summary.ts';
import { expensePageText } from './expense-text.ts';

/** AnalyzeExpense takes documents of up to 10 MB in a synchronous call. */
const TEXTRACT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** OCR by Amazon Textract AnalyzeExpense, one page image per call. */
export class TextractEngine implements OcrEngine {
  readonly name = 'textract';
  /** A client to use instead of one made from the environment (tests, another region). */
  constructor(private client?: TextractClient) {}

  async recognize(image: Buffer, signal: AbortSignal): Promise<OcrPageText> {
    if (image.length > TEXTRACT_MAX_IMAGE_BYTES) {
      throw new RangeError(`Page image of ${image.length} bytes, over Textract's ${TEXTRACT_MAX_IMAGE_BYTES}-byte limit`);
    }
    // Loaded on first use, like the tesseract engine: most claims carry no scan.
    const { AnalyzeExpenseCommand, TextractClient } = await import('@aws-sdk/client-textract');
    this.client ??= new TextractClient({});
    const response = await this.client.send(new AnalyzeExpenseCommand({ Document: { Bytes: image } }), { abortSignal: signal });
    const expense = expenseSummary(response);
    return { ...expensePageText(response), ...(expense ? { expense } : {}) };
  }

  async release(): Promise<void> {
    // An HTTP client holds nothing worth freeing between claims.
  }
}
