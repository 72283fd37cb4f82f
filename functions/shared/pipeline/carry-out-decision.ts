import { sharedDocumentDecoder } from '../adapters/isolation/isolated-document-decoder.ts';
import type { ClaimRecord } from '../domain/claim.ts';
import type { Deadline } from '../domain/deadline.ts';
import type { Verdicts } from '../domain/types.ts';
import { SafeToLogError } from '../log-safe-error.ts';
import { acknowledgeMember } from './acknowledge-member.ts';
import type { IntakeContext } from './context.ts';
import { forwardClaim } from './forward-claim.ts';
import { readMessage } from './parse-message.ts';
import type { IntakeDependencies } from './process-message.ts';
import { readBody } from './read-body.ts';
import { claimReadingTime, readContents } from './read-contents.ts';

/** The claim is missing, or no decision of it waits to be carried out: nothing to send, and trying again changes nothing. */
export class NoDecisionError extends SafeToLogError {
  override readonly name = 'NoDecisionError';
}

/** The message is read again for its documents only: SES's verdicts of it are not checked again. */
const NOT_CHECKED_AGAIN: Verdicts = { spam: 'DISABLED', virus: 'DISABLED', spf: 'DISABLED', dkim: 'DISABLED', dmarc: 'DISABLED' };

/**
 * Carries out what people recorded on the claim as the intake would have: a routed claim is
 * forwarded with its documents and the member acknowledged, a declined one the member is told
 * why, and each message asked for again is sent again. Each message has its own id in the claim's
 * ledger and is sent once (see sendOnce), so carrying it all out again sends nothing more. The
 * replies go to the member's registered address only: a claim with no member tells nobody.
 */
export async function carryOutDecision(reference: string, dependencies: IntakeDependencies, deadline: Deadline): Promise<ClaimRecord> {
  const claim = await dependencies.claims.get(reference);
  if (!claim) throw new NoDecisionError('no such claim');
  const decision = claim.decisions?.at(-1);
  const resends = claim.resends ?? [];
  if (!decision && resends.length === 0) throw new NoDecisionError('the claim has no decision to carry out');
  const context = await decisionContext(claim, dependencies, deadline);
  let current = claim;
  if (decision) {
    if (decision.sends.forward) current = await forwardClaim(current, context, dependencies, { id: decision.sends.forward });
    deadline.throwIfPassed('telling the member of the decision');
    current = await acknowledgeMember(current, context, dependencies, decision.sends.reply);
  }
  for (const resend of resends) {
    deadline.throwIfPassed('sending a message again');
    current =
      resend.message === 'forward'
        ? await forwardClaim(current, context, dependencies, { id: resend.sendId, resend: true })
        : await acknowledgeMember(current, context, dependencies, resend.sendId);
  }
  return current;
}

/**
 * What the forward and the reply are made of: the documents read again from the raw message, as
 * a redelivery reads them, and the member from the claim's member number, not from what the
 * message says: the person decided on that claim.
 */
async function decisionContext(claim: ClaimRecord, dependencies: IntakeDependencies, deadline: Deadline): Promise<IntakeContext> {
  const raw = await dependencies.store.openRaw(claim.rawMessage.bucket, claim.rawMessage.key);
  const reading = await readMessage(raw);
  const { mail, unreadable } = reading;
  const decoder = dependencies.settings.decoder ?? sharedDocumentDecoder();
  const readingTime = claimReadingTime(deadline);
  const body = await readBody(reading, decoder, deadline, readingTime);
  const member = claim.memberId ? await dependencies.directory.findById(claim.memberId) : undefined;
  const envelope = { sesMessageId: claim.sesMessageId, receivedAt: new Date(claim.receivedAt), envelopeSender: '', recipients: [], verdicts: NOT_CHECKED_AGAIN };
  const received: IntakeContext = {
    envelope,
    mail,
    body,
    channel: claim.channel,
    ...(claim.fax ? { fax: claim.fax } : {}),
    ...(unreadable !== undefined ? { unreadable, documents: [] } : {}),
    identification: { ...(member ? { member } : {}), reasons: [], ambiguous: false },
  };
  if (unreadable !== undefined) return received;
  return readContents(received, decoder, dependencies.settings.scans, deadline, readingTime);
}
