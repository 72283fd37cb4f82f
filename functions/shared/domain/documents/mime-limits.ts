/**
 * MIME parts mailparser reads in one message (its own default, named here so the reason a claim
 * gives can say it): a claim is a handful of documents, and each part costs the parser a node.
 */
export const MAX_MIME_PARTS = 1000;
/**
 * Bytes of one part's header block (mailparser's default): real headers, Received chains and DKIM
 * signatures included, stay far below; more is an attack on the parser's memory.
 */
export const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

/** mailparser's options that bound what one message may make it hold. */
export const MIME_LIMIT_OPTIONS = { maxChildNodes: MAX_MIME_PARTS, maxHeadSize: MAX_HEADER_BLOCK_BYTES } as const;

/**
 * Why mailparser refused a message, for a person. Its own words name its limits; anything else it
 * refuses is named by its error code only, never by a message that may quote the sender's bytes.
 */
export function whyMimeUnreadable(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/child nodes/i.test(message)) return `more than ${MAX_MIME_PARTS} MIME parts`;
  if (/header size/i.test(message)) return `a header block over ${MAX_HEADER_BLOCK_BYTES / (1024 * 1024)} MB`;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const name = /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : 'unknown error';
  return `the MIME parser refused it (${name})`;
}
