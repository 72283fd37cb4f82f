import type { ClaimRecord, DeliveryEvent } from '../../functions/shared/domain/claim.ts';
import type { Decision, ManualDecision } from '../../functions/shared/domain/decision.ts';
import { ledgerEntries } from '../../functions/shared/domain/ledger.ts';
import { senderText } from '../../functions/shared/domain/sender-text.ts';

/**
 * Every line printed from a claim: what senders wrote cannot move the cursor or recolour the
 * terminal. The indent is ours, kept (senderText trims).
 */
export const terminalLines = (lines: readonly string[]): string[] => lines.map((line) => `${/^ */.exec(line)?.[0] ?? ''}${senderText(line, 'line')}`);

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const CLAIMS_TABLE_HEADER = ['REFERENCE', 'RECEIVED', 'CHANNEL', 'STATUS', 'MEMBER', 'ROUTE', 'WHY'] as const;

/** Claims as a table: one per row, columns as wide as their widest cell, reasons last. */
export function claimsTable(claims: readonly ClaimRecord[]): string[] {
  const rows = claims.map((claim) => [
    claim.reference,
    minute(claim.receivedAt),
    claim.channel,
    claim.status,
    claim.memberId ?? '-',
    claim.route ?? '-',
    claim.reasons.join('; '),
  ]);
  const all = [[...CLAIMS_TABLE_HEADER], ...rows];
  const widths = CLAIMS_TABLE_HEADER.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
  return terminalLines(all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd()));
}

/** Everything recorded of a claim, for a person answering a member. */
export function claimDetails(claim: ClaimRecord): string[] {
  return terminalLines([
    `${claim.reference}  ${claim.status}${claim.outcome === claim.status ? '' : ` (heading for ${claim.outcome})`}`,
    `received:    ${minute(claim.receivedAt)} by ${claim.channel}, message ${claim.sesMessageId}`,
    `member:      ${claim.memberId ?? '-'}`,
    `treatment:   ${claim.treatmentCountry ?? '-'}, route ${claim.route ?? '-'}`,
    `raw message: s3://${claim.rawMessage.bucket}/${claim.rawMessage.key}`,
    ...(claim.duplicateOf ? [`duplicate of: ${claim.duplicateOf}`] : []),
    ...(claim.fax ? [`fax:         ${JSON.stringify(claim.fax)}`] : []),
    '',
    'Status history:',
    ...claim.statusHistory.map((change) => `  ${change.at}  ${change.status}${change.detail ? `  ${change.detail}` : ''}`),
    ...conversationLines(claim),
    'Reasons:',
    ...claim.reasons.map((reason) => `  - ${reason}`),
    'Evidence:',
    ...(claim.evidence.length === 0 ? ['  none'] : claim.evidence.map((item) => `  ${item.country}  ${item.strength.padEnd(6)}  ${item.source}: ${item.reason}`)),
    'Documents:',
    ...(claim.documents.length === 0
      ? ['  none']
      : claim.documents.map(
          (document) =>
            `  ${document.filename}  ${document.type}, ${document.size} bytes, ${document.textRead ? 'text read' : `not read${document.notReadReason ? ` (${document.notReadReason})` : ''}`}  s3 key ${document.s3Key}`,
        )),
    'Messages sent:',
    ...messageLines(claim),
    ...(claim.decisions ? ['Decisions:', ...claim.decisions.map(decisionLine)] : []),
    ...(claim.resends ? ['Resends:', ...claim.resends.map((resend) => `  ${resend.at}  ${resend.sendId} (${resend.message}) by ${resend.by}: ${resend.why}`)] : []),
    'Delivery events:',
    ...((claim.deliveryEvents ?? []).length === 0 ? ['  none'] : (claim.deliveryEvents ?? []).map(eventLine)),
  ]);
}

/** What a person decided, who, when and why. */
export function decisionLine(decision: ManualDecision): string {
  return `  ${decision.at}  ${decisionWords(decision)} by ${decision.by}: ${decision.why}`;
}

/** What a decision does to the claim, in a word or two. */
export function decisionWords(decision: Decision): string {
  return decision.action === 'route' ? `routed to ${decision.route}` : 'declined';
}

/** The messages that joined the claim after its first (docs/CONVERSATIONS.md), when there are any. */
function conversationLines({ conversation }: ClaimRecord): string[] {
  if (!conversation?.length) return [];
  return [
    'Messages received since:',
    ...conversation.map(
      (message) =>
        `  ${message.receivedAt}  from the ${message.from}, joined by ${message.joinedBy}, ${message.documents} document(s): ${message.outcome}  raw s3://${message.rawMessage.bucket}/${message.rawMessage.key}`,
    ),
  ];
}

/** Each message the claim sends, as its ledger entry stands. */
export function messageLines(claim: ClaimRecord): string[] {
  const entries = ledgerEntries(claim);
  if (entries.length === 0) return ['  none'];
  return entries.flatMap(([id, entry]) => [
    `  ${id}: ${entry.state}, attempt ${entry.attempt}, to ${entry.to}${entry.cc?.length ? ` cc ${entry.cc.join(', ')}` : ''}${entry.messageId ? `, SES message ${entry.messageId}` : ''}${entry.sentAt ? ` at ${entry.sentAt}` : ''}`,
    ...(entry.reason ? [`    why: ${entry.reason}`] : []),
  ]);
}

function eventLine(event: DeliveryEvent): string {
  const of = event.send ? ` (${event.send.id} attempt ${event.send.attempt}, SES message ${event.send.messageId})` : '';
  return `  ${event.at}  ${event.type}${of}${event.detail ? `  ${event.detail}` : ''}`;
}
