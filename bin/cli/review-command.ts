import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { senderText } from '../../functions/shared/domain/sender-text.ts';

/**
 * One claim per line: reference, when it came, how, from whom (member number), and why it waits.
 * Reasons name the sender's files: a claim recorded before they were made safe holds them as sent.
 */
export function reviewLine(claim: ClaimRecord): string {
  const received = claim.receivedAt.slice(0, 16).replace('T', ' ');
  const reasons = senderText(claim.reasons.join('; '), 'line');
  return [claim.reference, received, claim.channel.padEnd(5), (claim.memberId ?? '-').padEnd(12), reasons].join('  ');
}
