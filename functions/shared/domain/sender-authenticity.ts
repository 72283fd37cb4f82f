import { domainToASCII } from 'node:url';
import { domainOfAddress } from './address-domain.ts';
import { parseAuthenticationResults, type MethodResult } from './authentication-results.ts';
import type { Verdicts } from './types.ts';

/** Whether the `From` address's domain is proven to be who sent the message, and why (for a person; names no address). */
export interface SenderAuthenticity {
  readonly authentic: boolean;
  readonly reason: string;
}

export interface SenderEvidence {
  /** The one `From` address; empty when the message has no usable one. */
  readonly fromAddress: string;
  readonly verdicts: Verdicts;
  /** Every `Authentication-Results` header's value, topmost first. */
  readonly authenticationResults: readonly string[];
}

/** The authserv-id SES receiving writes in the `Authentication-Results` header it prepends. */
export const SES_AUTHSERV_ID = 'amazonses.com';

/**
 * A host name: letters, digits and hyphens in dot-separated labels (after IDNA), at least two,
 * the last (a top-level domain) starting with a letter, so no IP address.
 */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const authentic = (reason: string): SenderAuthenticity => ({ authentic: true, reason });
const notAuthentic = (reason: string): SenderAuthenticity => ({ authentic: false, reason });

/**
 * The one rule for trusting a sender, as DMARC (RFC 7489) states it: SES's DMARC verdict PASS;
 * or, where the domain publishes no DMARC policy (GRAY), an SPF or DKIM pass aligned with the
 * `From` domain in SES's own `Authentication-Results`. SPF alone covers the envelope sender and
 * a DKIM pass may be any domain's: neither says anything of `From` unless aligned with it.
 */
export async function senderAuthenticity(evidence: SenderEvidence): Promise<SenderAuthenticity> {
  const fromDomain = hostName(domainOfAddress(evidence.fromAddress));
  if (!fromDomain) return notAuthentic('no usable sender address');
  const { dmarc } = evidence.verdicts;
  switch (dmarc) {
    case 'PASS':
      return authentic("DMARC authenticated the sender's domain");
    case 'FAIL':
      return notAuthentic("DMARC failed for the sender's domain");
    case 'GRAY':
      return alignedPass(fromDomain, evidence.authenticationResults);
    case 'PROCESSING_FAILED':
    case 'DISABLED':
      return notAuthentic(`SES gave no DMARC verdict (${dmarc})`);
  }
}

/**
 * Only the topmost `Authentication-Results` counts, and only when SES wrote it: SES prepends its
 * own to every message it receives, and anything below it the sender wrote.
 */
async function alignedPass(fromDomain: string, headers: readonly string[]): Promise<SenderAuthenticity> {
  const noPolicy = "the sender's domain publishes no DMARC policy";
  const [topmost] = headers;
  const results = topmost === undefined ? undefined : parseAuthenticationResults(topmost);
  if (results?.authservId !== SES_AUTHSERV_ID) return notAuthentic(`${noPolicy}, and SES's Authentication-Results is missing or unreadable`);
  const organisation = await organisationalDomain(fromDomain);
  if (!organisation) return notAuthentic(`${noPolicy}, and it has no organisational domain`);
  const spf = results.results.filter((result) => result.method === 'spf');
  const [onlySpf] = spf;
  if (spf.length === 1 && onlySpf?.result === 'pass' && isWithin(spfDomain(onlySpf), organisation)) {
    return authentic(`${noPolicy}; SPF passed for a domain aligned with it`);
  }
  const dkimAligned = results.results.some((result) => result.method === 'dkim' && result.result === 'pass' && isWithin(dkimDomain(result), organisation));
  if (dkimAligned) return authentic(`${noPolicy}; a DKIM signature of a domain aligned with it passed`);
  return notAuthentic(`${noPolicy}, and no SPF or DKIM pass is aligned with it`);
}

/**
 * The registrable domain under the public suffix list, private suffixes included: two customers'
 * sites on a shared host (`a.herokuapp.com`, `b.herokuapp.com`) are not one organisation. The
 * list (tldts, 135 KB) is loaded on first use: only a domain without a DMARC policy needs it, and
 * building it took 10 ms of every cold start.
 */
export async function organisationalDomain(domain: string): Promise<string | undefined> {
  const { getDomain } = await import('tldts');
  return getDomain(domain, { allowPrivateDomains: true, extractHostname: false }) ?? undefined;
}

function isWithin(domain: string | undefined, organisation: string): boolean {
  return domain !== undefined && (domain === organisation || domain.endsWith(`.${organisation}`));
}

/** SPF's mail-from domain: `smtp.mailfrom` (RFC 8601) or SES's `envelope-from`; two different ones prove nothing. */
function spfDomain(result: MethodResult): string | undefined {
  const written = [result.properties.get('smtp.mailfrom'), result.properties.get('envelope-from')].filter((value) => value !== undefined);
  const domains = new Set(written.map((value) => hostName(domainOfAddress(value))));
  const [domain] = domains;
  return domains.size === 1 ? domain : undefined;
}

/** The signing domain: `header.d`, else the domain of the identity `header.i` (`@domain` or `user@domain`). */
function dkimDomain(result: MethodResult): string | undefined {
  const signer = result.properties.get('header.d') ?? result.properties.get('header.i');
  return signer === undefined ? undefined : hostName(domainOfAddress(signer));
}

/** The host name in lower-case ASCII (IDNA), without a final dot; undefined when it is not one. */
function hostName(text: string): string | undefined {
  const ascii = domainToASCII(text.trim().toLowerCase().replace(/\.$/, ''));
  return HOST_NAME.test(ascii) ? ascii : undefined;
}
