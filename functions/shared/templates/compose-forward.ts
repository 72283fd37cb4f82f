import type { Language, Route } from '../domain/types.ts';
import { paragraph, renderMessage, type Block, type LocalizedVersion } from './blocks.ts';
import type { ClaimSummary } from './claim-summary.ts';
import { fhirClaimAttachment } from './fhir-claim.ts';
import { coverInvoiceBlocks } from './invoice-list.ts';
import { memberFullName } from './member-name.ts';
import { MESSAGES, type Messages } from './messages.ts';
import type { OutgoingAttachment, OutgoingMessage } from './outgoing-message.ts';

export interface ForwardRequest {
  readonly summary: ClaimSummary;
  /** The administrator's claims address. */
  readonly to: string;
  /** The administrator's email-to-fax gateway, when claims must also reach its fax. */
  readonly cc?: readonly string[];
  /** The member's documents, attached as received. */
  readonly attachments: readonly OutgoingAttachment[];
  /** Message-ID of the member's message, so both ends of the claim can be threaded. */
  readonly replyToMessageId?: string;
  /** New documents of a claim already forwarded: the summary lists only them. */
  readonly followUp?: boolean;
}

/** MAI works in French and English; Cigna in the USA, in English. */
const FORWARD_LANGUAGES: Readonly<Record<Route, readonly Language[]>> = { MAI: ['fr', 'en'], CIGNA_US: ['en'] };
/** A claim without a route has no administrator's language: English, which all of them read. */
const UNROUTED_FORWARD_LANGUAGES: readonly Language[] = ['en'];

function fieldsBlock(summary: ClaimSummary, messages: Messages): Block {
  const { labels, unknown } = messages.forward;
  const { member, fax, treatmentCountry } = summary;
  const fields: [string, string | undefined][] = [
    [labels.reference, summary.reference],
    [labels.memberNumber, member?.memberId ?? unknown],
    [labels.memberName, member ? memberFullName(member) : unknown],
    [labels.channel, messages.channels[summary.channel]],
    [labels.receivedAt, messages.format.dateTime(summary.receivedAt)],
    [labels.treatmentCountry, treatmentCountry ? `${messages.format.country(treatmentCountry)} (${treatmentCountry})` : unknown],
    [labels.faxCaller, fax?.callerNumber],
    [labels.faxStation, fax?.remoteStationId],
    [labels.faxPages, fax?.pages?.toString()],
  ];
  return {
    kind: 'lines',
    lines: fields.flatMap(([label, value]) => (value === undefined ? [] : [messages.field(label, value)])),
  };
}

function listOrNone(title: string, items: readonly string[], messages: Messages): Block {
  return { kind: 'list', title, items: items.length > 0 ? items : [messages.forward.none] };
}

function forwardVersion(summary: ClaimSummary, language: Language, fhirClaim: OutgoingAttachment | undefined, followUp: boolean): LocalizedVersion {
  const messages = MESSAGES[language];
  const { forward, format } = messages;
  const evidence = summary.evidence.map(
    (item) => `${item.reason} – ${item.source} (${format.country(item.country)}, ${forward.strength[item.strength]})`,
  );
  const documents = summary.documents.map((document) => {
    const text = document.textRead ? forward.textRead : forward.textNotRead(document.notReadReason);
    return `${document.filename} – ${messages.documentTypes[document.type]}, ${format.fileSize(document.size)}, ${text}`;
  });
  return {
    language,
    subject: followUp
      ? forward.followUpSubject(summary.reference, summary.member?.memberId)
      : forward.subject(summary.reference, summary.member?.memberId, summary.treatmentCountry),
    blocks: [
      paragraph(followUp ? forward.followUpIntro : forward.intro),
      fieldsBlock(summary, messages),
      listOrNone(forward.evidence, evidence, messages),
      listOrNone(forward.decision, summary.reasons, messages),
      listOrNone(forward.documents, documents, messages),
      ...coverInvoiceBlocks(summary.invoices, messages),
      paragraph(forward.attachedUnchanged),
      ...(fhirClaim ? [paragraph(forward.fhirClaimAttached(fhirClaim.filename))] : []),
    ],
  };
}

/**
 * The claim as sent to its administrator: a cover note, the member's documents unchanged and, when
 * invoices were read, the same data as a FHIR Claim.
 */
export function composeForward({ summary, to, cc, attachments, replyToMessageId, followUp = false }: ForwardRequest): OutgoingMessage {
  const languages = summary.route ? FORWARD_LANGUAGES[summary.route] : UNROUTED_FORWARD_LANGUAGES;
  const fhirClaim = fhirClaimAttachment(summary);
  const rendered = renderMessage(languages.map((language) => forwardVersion(summary, language, fhirClaim, followUp)));
  return {
    to,
    ...(cc?.length ? { cc } : {}),
    ...rendered,
    attachments: fhirClaim ? [...attachments, fhirClaim] : attachments,
    inReplyTo: replyToMessageId,
    references: replyToMessageId === undefined ? undefined : [replyToMessageId],
    autoSubmitted: 'auto-generated',
  };
}
