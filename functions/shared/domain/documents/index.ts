export { detectDocumentType } from './detect-type.ts';
export type { DocumentLimits } from './limits.ts';
export { extractPdfText } from './pdf-text.ts';
export { DOCUMENT_HASH_OPTIONS, readMessageDocuments, type EmbeddedMessageText, type ReadMessageResult } from './read-message.ts';
