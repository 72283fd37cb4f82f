import { administratorFor, type Administrator, type AdministratorOverrides } from '../domain/administrators.ts';
import type { ClaimRecord, StatusChange } from '../domain/claim.ts';
import type { Language } from '../domain/types.ts';
import { escapeHtml } from '../templates/escape-html.ts';
import { MESSAGES, type Messages, type StatusPageMessages } from '../templates/messages.ts';
import { statusPageDocument } from './page-layout.ts';

/**
 * A claim's status page: where it stands, its history, who handles it and the documents received.
 * Nothing that names the member (name, address, member number), since a link can be forwarded;
 * nor the documents' file names, which members often make of their name or member number.
 */
export function renderClaimStatusPage(claim: ClaimRecord, language: Language, administrators: AdministratorOverrides): string {
  const messages = MESSAGES[language];
  const page = messages.statusPage;
  const administrator = claim.route ? administratorFor(claim.route, administrators[claim.route]) : undefined;
  const time = (at: string) => `<time datetime="${escapeHtml(at)}">${escapeHtml(messages.format.dateTime(new Date(at)))}</time>`;
  const body = [
    `<h1>${escapeHtml(page.heading(claim.reference))}</h1>`,
    `<p class="status">${escapeHtml(whereItStands(claim, page, administrator))}</p>`,
    '<dl>',
    `<dt>${escapeHtml(page.receivedOn)}</dt><dd>${time(claim.receivedAt)}</dd>`,
    ...(administrator ? [handledByEntry(administrator, page)] : []),
    '</dl>',
    `<h2>${escapeHtml(page.historyTitle)}</h2>`,
    '<ol>',
    ...claim.statusHistory.map((change, index) => `<li>${time(change.at)} – ${escapeHtml(historyStep(change, claim.statusHistory.slice(0, index), page))}</li>`),
    '</ol>',
    `<h2>${escapeHtml(page.documentsTitle)}</h2>`,
    documentsList(claim, messages),
    `<p class="note">${escapeHtml(page.privacyNote)}</p>`,
  ];
  return statusPageDocument(language, page.title(claim.reference), body.join('\n'));
}

/** A change in a few words: its conversation step, a follow-up for a forward after the first, else its status. */
function historyStep(change: StatusChange, earlier: readonly StatusChange[], page: StatusPageMessages): string {
  if (change.step) return page.steps[change.step];
  const followUp = change.status === 'FORWARDED' && earlier.some((before) => before.status === 'FORWARDED');
  return followUp ? page.steps['follow-up-forwarded'] : page.history[change.status];
}

function whereItStands(claim: ClaimRecord, page: StatusPageMessages, administrator: Administrator | undefined): string {
  switch (claim.status) {
    case 'RECEIVED':
      return page.now.received;
    case 'FORWARDED':
      return page.now.forwarded(administrator?.name);
    case 'DUPLICATE':
      return page.now.duplicate(claim.duplicateOf);
    case 'REVIEW':
      return page.now.review;
    case 'NEEDS_INFO':
      return page.now.needsInfo;
    case 'IGNORED':
      return page.now.ignored;
    case 'QUARANTINED':
      return page.now.quarantined;
    case 'REJECTED':
      return page.now.rejected;
  }
}

function handledByEntry(administrator: Administrator, page: StatusPageMessages): string {
  const portal = `<a href="${escapeHtml(administrator.trackingUrl)}">${escapeHtml(page.trackingPortal(administrator.name))}</a>`;
  return `<dt>${escapeHtml(page.handledBy)}</dt><dd>${escapeHtml(administrator.name)}<br>${portal}</dd>`;
}

function documentsList({ documents }: ClaimRecord, messages: Messages): string {
  const { statusPage: page, documentTypes, format } = messages;
  if (documents.length === 0) return `<p>${escapeHtml(page.noDocuments)}</p>`;
  const items = documents.map(
    (document, index) => `<li>${escapeHtml(page.document(index + 1, `${documentTypes[document.type]}, ${format.fileSize(document.size)}`))}</li>`,
  );
  return ['<ul>', ...items, '</ul>'].join('\n');
}
