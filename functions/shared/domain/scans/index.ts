export { decodeScan, isScan } from './decode-scan.ts';
export { DEFAULT_SCAN_LIMITS, type ScanLimits } from './limits.ts';
export type { OcrEngine, OcrPageText } from './ocr-engine.ts';
export { ocrImage } from './ocr-image.ts';
export { pagesToPdf } from './pages-to-pdf.ts';
export type { ScanDecoding, ScanPage } from './scan-page.ts';
