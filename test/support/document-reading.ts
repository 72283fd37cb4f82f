import { sharedDocumentDecoder } from '../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import type { DocumentLimits, DocumentReading } from '../../functions/shared/domain/documents/index.ts';
import { decodeScan, DEFAULT_SCAN_LIMITS, type ScanDecoding, type ScanLimits } from '../../functions/shared/domain/scans/index.ts';
import type { DocumentFile } from '../../functions/shared/domain/types.ts';

/** A claim's time in tests: the deployed function's whole timeout, so that only a document's own bound can stop it. */
export const TEST_CLAIM_TIME_MS = 120_000;

/** Documents read as the intake reads them: by the worker-thread decoder, within a claim's time. */
export function documentReading(limits: Partial<DocumentLimits> = {}): DocumentReading {
  return { decoder: sharedDocumentDecoder(), deadline: Deadline.in(TEST_CLAIM_TIME_MS), limits };
}

/** A scan decoded as the intake decodes it: by the worker-thread decoder, within the scan's time bound. */
export function decodeScanned(document: DocumentFile, limits: ScanLimits = DEFAULT_SCAN_LIMITS): Promise<ScanDecoding> {
  return decodeScan(document, limits, sharedDocumentDecoder(), Deadline.in(limits.maxDecodeMsPerDocument));
}
