import type { ParsedMail } from 'mailparser';
import { headerTexts, structuredHeader } from './documents/mail-headers.ts';
import { withoutAccents } from './text-folding.ts';
import type { Verdicts } from './types.ts';

export type ScreeningResult =
  | { readonly outcome: 'accept' }
  | { readonly outcome: 'IGNORED' | 'QUARANTINED'; readonly reason: string };

export interface ScreeningInput {
  readonly mail: ParsedMail;
  readonly verdicts: Verdicts;
  /** SMTP MAIL FROM; '' for the null return path <> */
  readonly envelopeSender: string;
  /** our own addresses (intake addresses and sender address), lower-case */
  readonly ownAddresses: readonly string[];
}

type Rule = (input: ScreeningInput) => ScreeningResult | undefined;

const quarantined = (reason: string): ScreeningResult => ({ outcome: 'QUARANTINED', reason });
const ignored = (reason: string): ScreeningResult => ({ outcome: 'IGNORED', reason });

/** Local parts that mail servers send bounces from. */
const BOUNCE_SENDERS = new Set(['mailer-daemon', 'postmaster']);
/** Precedence values of list and bulk mail, which RFC 3834 says must not be answered. */
const BULK_PRECEDENCES = new Set(['bulk', 'junk', 'list']);
/** X-Auto-Response-Suppress values that Exchange puts on its own automatic replies. */
const SUPPRESSED_AUTO_RESPONSES = new Set(['all', 'oof', 'autoreply']);
/**
 * Subjects of out-of-office replies from clients that mark them no other way (Outlook, Exchange,
 * Gmail, Lotus Notes, in English, French and German), matched without accents or case.
 */
const AUTO_REPLY_SUBJECTS: readonly RegExp[] = [
  /^\s*(out of (the )?office( autoreply)?|automatic reply|auto-?reply|autoresponse|reponse automatique|absen(ce|t) du bureau|message d['’]absence|abwesenheitsnotiz|automatische antwort)\s*(:|$)/,
  // "Auto" alone is a word (a car, in French): only the "Auto:" prefix counts.
  /^\s*auto\s*:/,
];

function fromAddress(mail: ParsedMail): string {
  return mail.from?.value[0]?.address?.toLowerCase() ?? '';
}

/** A header's values, lower-cased, without their parameters ("auto-replied; owner=..."). */
function headerTokens(mail: ParsedMail, name: string): string[] {
  return headerTexts(mail.headers, name).map((value) => value.split(';')[0]?.trim().toLowerCase() ?? '');
}

function reportType(mail: ParsedMail): string | undefined {
  const contentType = structuredHeader(mail.headers, 'content-type');
  if (contentType?.value !== 'multipart/report') return undefined;
  return contentType.params['report-type']?.toLowerCase();
}

const virus: Rule = ({ verdicts }) => (verdicts.virus === 'FAIL' ? quarantined('virus verdict FAIL') : undefined);

const spam: Rule = ({ verdicts }) => (verdicts.spam === 'FAIL' ? quarantined('spam verdict FAIL') : undefined);

/** The domain's owner asked receivers to refuse or quarantine mail that fails DMARC: a forged sender. */
const dmarcEnforced: Rule = ({ verdicts }) =>
  verdicts.dmarc === 'FAIL' && (verdicts.dmarcPolicy === 'reject' || verdicts.dmarcPolicy === 'quarantine')
    ? quarantined(`DMARC verdict FAIL, and the sender's domain asks to ${verdicts.dmarcPolicy} such mail`)
    : undefined;

const bounce: Rule = ({ mail, envelopeSender }) => {
  if (reportType(mail) === 'delivery-status') return ignored('delivery status notification (bounce)');
  const [localPart = ''] = fromAddress(mail).split('@');
  if (BOUNCE_SENDERS.has(localPart)) return ignored(`bounce from ${localPart}`);
  const sender = envelopeSender.trim();
  if (sender === '' || sender === '<>') return ignored('null envelope sender (bounce or automatic message)');
  return undefined;
};

const readReceipt: Rule = ({ mail }) =>
  reportType(mail) === 'disposition-notification' ? ignored('read receipt (disposition notification)') : undefined;

const autoReply: Rule = ({ mail }) => {
  if (headerTokens(mail, 'auto-submitted').some((value) => value !== 'no')) return ignored('automatic message (Auto-Submitted)');
  const suppressed = headerTokens(mail, 'x-auto-response-suppress').flatMap((value) => value.split(/[\s,]+/));
  if (suppressed.some((value) => SUPPRESSED_AUTO_RESPONSES.has(value))) return ignored('automatic reply (X-Auto-Response-Suppress)');
  if (headerTokens(mail, 'precedence').some((value) => BULK_PRECEDENCES.has(value))) return ignored('bulk or list mail (Precedence)');
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return ignored('automatic reply (X-Autoreply)');
  const subject = withoutAccents(mail.subject ?? '').toLowerCase();
  if (AUTO_REPLY_SUBJECTS.some((pattern) => pattern.test(subject))) return ignored('out-of-office reply (subject)');
  return undefined;
};

const loop: Rule = ({ mail, ownAddresses }) =>
  ownAddresses.includes(fromAddress(mail)) ? ignored('our own message came back') : undefined;

const RULES: readonly Rule[] = [virus, spam, dmarcEnforced, bounce, readReceipt, autoReply, loop];

/** Decides whether a message is a member's mail to process, or one to quarantine or ignore. */
export function screenMessage(input: ScreeningInput): ScreeningResult {
  for (const rule of RULES) {
    const result = rule(input);
    if (result) return result;
  }
  return { outcome: 'accept' };
}
