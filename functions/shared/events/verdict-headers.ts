import { parseAuthenticationResults } from '../domain/authentication-results.ts';
import { SES_AUTHSERV_ID } from '../domain/sender-authenticity.ts';
import type { VerdictStatus, Verdicts } from '../domain/types.ts';

const VERDICT_NAMES = ['spam', 'virus', 'spf', 'dkim', 'dmarc'] as const;
const VERDICT_STATUSES: readonly VerdictStatus[] = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'];

/** SES's verdict for each DMARC result it writes in its `Authentication-Results` (RFC 7489: none is no policy). */
const DMARC_RESULTS: Readonly<Record<string, VerdictStatus>> = {
  pass: 'PASS',
  fail: 'FAIL',
  none: 'GRAY',
  temperror: 'PROCESSING_FAILED',
  permerror: 'PROCESSING_FAILED',
};

/**
 * Verdicts from the `X-SES-<Name>-Verdict` headers SES writes into the stored message, for
 * messages read outside the receipt notification; the DMARC verdict, when no such header gives
 * it, from the topmost `Authentication-Results` if SES wrote it. A verdict found nowhere counts
 * as PASS.
 */
export function verdictsFromHeaders(raw: Buffer): Verdicts {
  const headers = headerBlock(raw);
  const verdicts: Record<(typeof VERDICT_NAMES)[number], VerdictStatus> = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: sesDmarcResult(headers) ?? 'PASS' };
  for (const name of VERDICT_NAMES) {
    const match = new RegExp(`^X-SES-${name}-Verdict:[ \\t]*([A-Z_]+)`, 'im').exec(headers);
    const status = match?.[1]?.toUpperCase() as VerdictStatus | undefined;
    if (status && VERDICT_STATUSES.includes(status)) verdicts[name] = status;
  }
  return verdicts;
}

function sesDmarcResult(headers: string): VerdictStatus | undefined {
  const topmost = /^Authentication-Results:(.*)$/im.exec(headers)?.[1];
  const results = topmost === undefined ? undefined : parseAuthenticationResults(topmost);
  if (results?.authservId !== SES_AUTHSERV_ID) return undefined;
  const dmarc = results.results.find((result) => result.method === 'dmarc');
  return dmarc && DMARC_RESULTS[dmarc.result];
}

/** The unfolded header block: everything before the first empty line. */
function headerBlock(raw: Buffer): string {
  const text = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** Headers come first and are small; scanning further would only read the body. */
const HEADER_SCAN_BYTES = 256 * 1024;
