import type { ClaimRecord } from '../domain/claim.ts';
import type { SendId } from '../domain/ledger.ts';
import type { StatusLinkIssuer } from '../domain/status-link/index.ts';
import type { Language } from '../domain/types.ts';
import { composeMemberReply, type AdministratorOverrides, type MemberReplyKind } from '../templates/index.ts';
import { usableSenderAddress } from './authenticate-sender.ts';
import type { IntakeContext } from './context.ts';
import { sendOnce, type SendOnceDependencies } from './send-once.ts';
import { summarizeClaim } from './summarize-claim.ts';

export interface AcknowledgeDependencies extends SendOnceDependencies {
  readonly administrators: AdministratorOverrides;
  /** Unset when no status page is deployed: the replies then carry no status link. */
  readonly statusLinks?: StatusLinkIssuer;
  /** Replies one address may receive per UTC day. */
  readonly replyLimitPerDay: number;
}

export interface ReplyPlan {
  readonly kind: MemberReplyKind;
  readonly to: string;
  readonly language: Language | 'both';
}

export interface ReplyRecipient {
  readonly to: string;
  readonly language: Language | 'both';
  /** The member's registered address, rather than an authenticated sender who is nobody's member. */
  readonly registered: boolean;
}

/**
 * The one address a reply may go to: the member's registered address, else the sender's own
 * when their domain is authentic; none to a message with no usable sender address, whoever its
 * member, since nobody can be shown to have sent it.
 */
export function replyRecipient(context: IntakeContext): ReplyRecipient | undefined {
  const sender = usableSenderAddress(context.mail);
  if (!sender) return undefined;
  const member = context.identification?.member;
  if (member) return { to: member.email, language: member.language, registered: true };
  return context.sender?.authentic === true ? { to: sender, language: 'both', registered: false } : undefined;
}

/**
 * Which reply, if any: to a member, the one their claim's outcome calls for; to an authenticated
 * sender who is nobody's member, only the request for their member number.
 */
export function planReply(claim: ClaimRecord, context: IntakeContext): ReplyPlan | undefined {
  const recipient = replyRecipient(context);
  if (!recipient) return undefined;
  const { to, language, registered } = recipient;
  switch (claim.outcome) {
    case 'FORWARDED':
      return registered && claim.forward ? { kind: 'acknowledged', to, language } : undefined;
    case 'DUPLICATE':
      return registered ? { kind: 'duplicate', to, language } : undefined;
    case 'REVIEW':
      return registered ? { kind: 'review', to, language } : undefined;
    case 'NEEDS_INFO':
      return { kind: 'needs-info', to, language };
    case 'REJECTED':
      return registered ? { kind: 'rejected', to, language } : undefined;
    case 'IGNORED':
    case 'QUARANTINED':
      return undefined;
  }
}

/**
 * Sends the reply the claim calls for, once (see sendOnce), within its address's daily reply
 * limit: past it the claim says no reply was sent, and why. The claim's first reply is `reply`;
 * a later one (a person's decision, a resend) is a message of its own, under its own ledger id.
 */
export async function acknowledgeMember(
  claim: ClaimRecord,
  context: IntakeContext,
  dependencies: AcknowledgeDependencies,
  id: SendId = 'reply',
): Promise<ClaimRecord> {
  if (id === 'reply' && claim.acknowledgement) return claim;
  const plan = planReply(claim, context);
  if (!plan) return claim;
  const memberMessageId = context.mail.messageId;
  const compose = async () => composeMemberReply({
    kind: plan.kind,
    summary: summarizeClaim(claim, context.identification?.member),
    to: plan.to,
    language: plan.language,
    missing: context.outcome?.missing,
    reason: claim.decisions?.at(-1)?.why,
    inReplyTo: memberMessageId,
    references: memberMessageId ? [...referencesOf(context), memberMessageId] : undefined,
    administrators: dependencies.administrators,
    statusLink: await statusLinkFor(plan.kind, claim, dependencies),
  });
  return sendOnce(claim, { id, kind: 'reply', messageKind: plan.kind, to: plan.to, language: plan.language, compose }, dependencies);
}

/**
 * The status page a reply points to: the claim's own, or for a duplicate the earlier claim the
 * documents belong to. A request for what is missing has none: the page would only say what the
 * request says, and the answer to it, a reply, continues the claim (docs/CONVERSATIONS.md).
 */
async function statusLinkFor(
  kind: MemberReplyKind,
  claim: ClaimRecord,
  { statusLinks, now }: AcknowledgeDependencies,
): Promise<string | undefined> {
  const reference = kind === 'duplicate' ? claim.duplicateOf : kind === 'needs-info' ? undefined : claim.reference;
  return statusLinks && reference ? statusLinks.linkFor(reference, now()) : undefined;
}

function referencesOf(context: IntakeContext): string[] {
  const { references } = context.mail;
  if (!references) return [];
  return Array.isArray(references) ? references : [references];
}
