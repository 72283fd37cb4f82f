import { domainOfAddress } from './address-domain.ts';
import type { Member } from './types.ts';

/**
 * SES replaces the Message-ID of every message it sends with its own, made of the message id
 * SendEmail returns and an amazonses.com host (`<id@eu-west-1.amazonses.com>`; in us-east-1
 * `<id@email.amazonses.com>`): https://docs.aws.amazon.com/ses/latest/dg/header-fields.html. A
 * reply names it in In-Reply-To and References, so that id finds the claim that sent it.
 */
const SES_MESSAGE_ID_DOMAIN = 'amazonses.com';
/** SES's message ids: letters, digits and hyphens (`0102018c…-000000`). */
const SES_MESSAGE_ID = /^[A-Za-z0-9-]{1,100}$/;
/**
 * Message ids of a reply's In-Reply-To and References looked up, the most recent first: each is
 * a read of the claims table, and a thread of ours has a few messages, not dozens.
 */
export const MAX_THREAD_IDS_LOOKED_UP = 10;

/** The Message-ID header SES gives the message it sent with `sesMessageId`, in `region`. */
export function sentMessageIdHeader(sesMessageId: string, region: string): string {
  const host = region === 'us-east-1' ? 'email' : region;
  return `<${sesMessageId}@${host}.${SES_MESSAGE_ID_DOMAIN}>`;
}

/**
 * The SES message ids among the Message-IDs a message replies to (In-Reply-To, then References
 * from the last), at most MAX_THREAD_IDS_LOOKED_UP: only SES's own can be ours.
 */
export function sesMessageIdsRepliedTo(inReplyTo: readonly string[], references: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const messageId of [...inReplyTo, ...[...references].reverse()]) {
    const id = sesMessageIdOf(messageId);
    if (id) ids.add(id);
  }
  return [...ids].slice(0, MAX_THREAD_IDS_LOOKED_UP);
}

function sesMessageIdOf(messageId: string): string | undefined {
  const bare = messageId.trim().replace(/^</, '').replace(/>$/, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0) return undefined;
  const [local, host] = [bare.slice(0, at), bare.slice(at + 1).toLowerCase()];
  const ours = host === SES_MESSAGE_ID_DOMAIN || host.endsWith(`.${SES_MESSAGE_ID_DOMAIN}`);
  return ours && SES_MESSAGE_ID.test(local) ? local : undefined;
}

/** A claim reference as subjects carry it, bracketed or not: `[CLM-2026-7K3F9Q]`. */
const SUBJECT_REFERENCE = /(?<![A-Z0-9-])CLM-\d{4}-[2-9A-HJKMNP-TV-Z]{6}(?![A-Z0-9-])/g;

/** The one claim reference a subject carries; none when it carries none, or several different ones. */
export function referenceInSubject(subject: string): string | undefined {
  const found = new Set(subject.toUpperCase().match(SUBJECT_REFERENCE) ?? []);
  const [reference] = found;
  return found.size === 1 ? reference : undefined;
}

/** How every subject we send names its claim, so a reply's subject names it too. */
export function subjectTag(reference: string): string {
  return `[${reference}]`;
}

/** What the joining rule knows of a claim an incoming message points to. */
export interface ThreadClaim {
  readonly reference: string;
  /** The claim's member, when it has one. */
  readonly member?: Member;
}

export interface JoinEvidence {
  /** The claim one of our messages belongs to, named in the message's In-Reply-To or References. */
  readonly repliedTo?: ThreadClaim;
  /** The claim the message's subject names. */
  readonly quoted?: ThreadClaim;
  /** The message's one usable `From` address, lower-case ('' when none). */
  readonly senderAddress: string;
  /** Whether the `From` domain is authentic (domain/sender-authenticity.ts). */
  readonly authentic: boolean;
  /** For a fax, the caller number its gateway gave, E.164. */
  readonly faxCaller?: string;
}

export type JoinDecision =
  | { readonly joins: string; readonly by: 'header' | 'subject' }
  | { readonly joins?: undefined; readonly refused?: string };

/**
 * Whether an incoming message joins an existing claim. It does when it replies to one of our
 * messages: their Message-IDs went only to the member and the administrator. A reference in the
 * subject is public (anyone can type one), so it joins only a message from the claim's member,
 * authenticated: their registered address, or for a fax their registered number. Anyone else
 * quoting a reference starts a claim of their own.
 */
export function joinRule(evidence: JoinEvidence): JoinDecision {
  if (evidence.repliedTo) return { joins: evidence.repliedTo.reference, by: 'header' };
  const { quoted } = evidence;
  if (!quoted) return {};
  const refused = (why: string) => ({ refused: `the subject names ${quoted.reference}, but ${why}` });
  const { member } = quoted;
  if (!member) return refused('that claim has no member');
  if (!evidence.authentic) return refused('the sender is not authenticated');
  const fromMember =
    (evidence.senderAddress !== '' && evidence.senderAddress === member.email.toLowerCase()) ||
    (evidence.faxCaller !== undefined && member.faxNumbers.includes(evidence.faxCaller));
  return fromMember ? { joins: quoted.reference, by: 'subject' } : refused("the sender is not that claim's member");
}

/**
 * Whether an address belongs to an administrator: their claims address's domain or their fax
 * gateway's, since their clerks answer a forward from their own addresses.
 */
export function isAdministratorAddress(address: string, administratorAddresses: readonly string[]): boolean {
  const domain = domainOfAddress(address).toLowerCase();
  return address.includes('@') && administratorAddresses.some((known) => domainOfAddress(known).toLowerCase() === domain);
}
