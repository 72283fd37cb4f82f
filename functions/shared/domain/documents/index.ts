export { detectDocumentType } from './detect-type.ts';
export type { DocumentLimits } from './limits.ts';
export type { DecodeJob, DocumentDecoder, ScanJob, TextJob } from './document-decoder.ts';
export { DEFAULT_DOCUMENT_LIMITS } from './limits.ts';
export { extractPdfText } from './pdf-text.ts';
export { DOCUMENT_HASH_OPTIONS, readMessageDocuments, type DocumentReading, type EmbeddedMessageText, type ReadMessageResult } from './read-message.ts';
export { readBodyText } from './body-text.ts';
