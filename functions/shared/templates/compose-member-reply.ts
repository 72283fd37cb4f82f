import { administratorFor, type AdministratorOverrides } from '../domain/administrators.ts';
import type { Language, Route } from '../domain/types.ts';
import { paragraph, renderMessage, type Block, type LocalizedVersion } from './blocks.ts';
import type { ClaimSummary } from './claim-summary.ts';
import { administratorBlocks, assistanceBlock } from './contact-blocks.ts';
import { memberInvoiceBlocks } from './invoice-list.ts';
import { memberFullName } from './member-name.ts';
import { MESSAGES, type Messages, type MissingInformation } from './messages.ts';
import type { OutgoingMessage } from './outgoing-message.ts';
import { reviewReasonOf } from './review-reason.ts';

/** 'both': French then English, for a sender whose language is unknown. */
export type ReplyLanguage = Language | 'both';

export type MemberReplyKind = 'acknowledged' | 'duplicate' | 'review' | 'needs-info' | 'reminder' | 'rejected';

export interface MemberReplyRequest {
  readonly kind: MemberReplyKind;
  /** What to ask for; required for 'needs-info' and 'reminder'. */
  readonly missing?: MissingInformation;
  /** Why the team declined the claim, in its words; required for 'rejected'. */
  readonly reason?: string;
  readonly summary: ClaimSummary;
  /** The member's registered address. */
  readonly to: string;
  readonly language: ReplyLanguage;
  /** The member's Message-ID. */
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly administrators: AdministratorOverrides;
  /**
   * Link to the status page of the claim the reply is about (for a duplicate, the earlier claim).
   * A needs-info reply shows none: it asks for a reply, which continues the claim.
   */
  readonly statusLink?: string;
}

interface ReplyContent {
  readonly subject: string;
  readonly body: readonly Block[];
}

function documentsBlocks(summary: ClaimSummary, messages: Messages): Block[] {
  if (summary.documents.length === 0) return [];
  const items = summary.documents.map(
    (document) =>
      `${document.filename} (${messages.documentTypes[document.type]}, ${messages.format.fileSize(document.size)})`,
  );
  return [{ kind: 'list', title: messages.reply.documentsReceived, items }];
}

function statusLinkBlocks(request: MemberReplyRequest, messages: Messages): Block[] {
  return request.statusLink ? [{ kind: 'link', label: messages.reply.statusLink, url: request.statusLink }] : [];
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`A member reply of this kind needs ${what}`);
  return value;
}

function replyContent(request: MemberReplyRequest, messages: Messages): ReplyContent {
  const { summary } = request;
  const { reply } = messages;
  const administratorOf = (route: Route) => administratorFor(route, request.administrators[route]);
  switch (request.kind) {
    case 'acknowledged': {
      const route = required(summary.route, 'a route');
      const administrator = administratorOf(route);
      // "In the United States" already names the country; "outside" it does not.
      const country =
        route === 'MAI' && summary.treatmentCountry ? messages.format.country(summary.treatmentCountry) : undefined;
      return {
        subject: reply.subjects.acknowledged(summary.reference),
        body: [
          paragraph(reply.receivedUnder(summary.reference)),
          ...documentsBlocks(summary, messages),
          ...memberInvoiceBlocks(summary.invoices, messages),
          paragraph(reply.forwardedTo(route, administrator.name, country)),
          ...administratorBlocks(administrator, messages),
          ...statusLinkBlocks(request, messages),
          assistanceBlock(messages),
          paragraph(reply.keepReference(summary.reference)),
        ],
      };
    }
    case 'duplicate': {
      const original = required(summary.duplicateOf, 'the reference of the earlier claim');
      return {
        subject: reply.subjects.duplicate(summary.reference),
        body: [
          paragraph(reply.duplicate.alreadyReceived(original)),
          paragraph(reply.duplicate.notSentAgain),
          ...(summary.route
            ? administratorBlocks(administratorOf(summary.route), messages)
            : [paragraph(reply.duplicate.underReview)]),
          ...statusLinkBlocks(request, messages),
          paragraph(reply.keepReference(original)),
        ],
      };
    }
    case 'review': {
      const reason = reviewReasonOf(summary);
      return {
        subject: reply.subjects.review(summary.reference),
        body: [
          paragraph(reply.receivedUnder(summary.reference)),
          ...documentsBlocks(summary, messages),
          ...memberInvoiceBlocks(summary.invoices, messages),
          ...(reason ? [paragraph(reply.review.reasons[reason])] : []),
          paragraph(reply.review.personWillCheck),
          ...statusLinkBlocks(request, messages),
          paragraph(reply.keepReference(summary.reference)),
        ],
      };
    }
    case 'needs-info': {
      const missing = required(request.missing, 'what is missing');
      const needed = reply.needsInfo[missing];
      return {
        subject: reply.subjects.needsInfo[missing](summary.reference),
        body: [paragraph(needed.explanation(summary.reference)), paragraph(needed.request)],
      };
    }
    case 'rejected': {
      const reason = required(request.reason, 'the reason the claim was declined');
      return {
        subject: reply.subjects.rejected(summary.reference),
        body: [
          paragraph(reply.rejected.notAccepted(summary.reference)),
          paragraph(reply.rejected.reason(reason)),
          ...documentsBlocks(summary, messages),
          paragraph(reply.rejected.whatNext(summary.reference)),
          ...statusLinkBlocks(request, messages),
          paragraph(reply.keepReference(summary.reference)),
        ],
      };
    }
    case 'reminder': {
      const missing = required(request.missing, 'what is missing');
      return {
        subject: reply.subjects.reminder(summary.reference),
        body: [paragraph(reply.reminder(summary.reference)), paragraph(reply.needsInfo[missing].request)],
      };
    }
  }
}

function replyVersion(request: MemberReplyRequest, language: Language): LocalizedVersion {
  const messages = MESSAGES[language];
  const { member } = request.summary;
  const { subject, body } = replyContent(request, messages);
  return {
    language,
    subject,
    blocks: [
      paragraph(messages.reply.greeting(member ? memberFullName(member) : undefined)),
      ...body,
      { kind: 'lines', lines: messages.reply.closing },
      paragraph(messages.reply.sentAutomatically),
    ],
  };
}

const REPLY_LANGUAGES: Readonly<Record<ReplyLanguage, readonly Language[]>> = {
  fr: ['fr'],
  en: ['en'],
  both: ['fr', 'en'],
};

/** An automatic reply to the member about their claim, in their language or in both. */
export function composeMemberReply(request: MemberReplyRequest): OutgoingMessage {
  const rendered = renderMessage(REPLY_LANGUAGES[request.language].map((language) => replyVersion(request, language)));
  return {
    to: request.to,
    ...rendered,
    attachments: [],
    inReplyTo: request.inReplyTo,
    references: request.references,
    autoSubmitted: 'auto-replied',
  };
}
