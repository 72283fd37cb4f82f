import { DEFAULT_DOCUMENT_LIMITS } from './domain/documents/limits.ts';

/**
 * The time one claim may take, part by part. The stack derives the intake's batch size, timeout
 * and queue visibility from these (lib/intake-timing.ts); the handler gives each claim its
 * deadline from the time the invocation has left, keeping back CLAIM_DEADLINE_RESERVE_MS.
 */

/**
 * What a claim needs apart from OCR and reading its documents: fetching and parsing the message (a
 * 40 MB one in under a second in `npm run bench`), recording it, the forward (up to 40 MB to SES)
 * and the acknowledgement, with the SDK's retries. A claim is not started with less time left:
 * it would stop before its sends and only spend one of its deliveries.
 */
export const CLAIM_START_MARGIN_MS = 15_000;

/**
 * Reading the documents' text apart from OCR: the PDF text layers and HTML (bodies in HTML alone
 * included), in the decoder process (a second or two for twenty PDFs in `npm run bench`), with
 * room for documents made to stall it.
 */
export const DOCUMENT_TIME_LIMIT_SECONDS = DEFAULT_DOCUMENT_LIMITS.maxReadMsPerClaim / 1000;

/**
 * Kept back from each claim's deadline: a send started just before it must still end before the
 * function's timeout (the longest, a 40 MB forward, takes seconds), and the batch response must be
 * returned; a timeout would send the whole batch back to the queue.
 */
export const CLAIM_DEADLINE_RESERVE_MS = 12_000;
