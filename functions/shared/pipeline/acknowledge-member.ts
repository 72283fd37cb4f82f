import type { ClaimRecord } from '../domain/claim.ts';
import type { StatusLinkIssuer } from '../domain/status-link/index.ts';
import type { Language } from '../domain/types.ts';
import { composeMemberReply, type AdministratorOverrides, type MemberReplyKind } from '../templates/index.ts';
import type { IntakeContext } from './context.ts';
import { senderAddress } from './parse-message.ts';
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

/** A plain address, so nothing a sender wrote can add a header. */
const SAFE_ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;

/**
 * Who gets a reply, and which: the member at their registered address; an unknown sender only
 * when SES authenticated them, and only to ask for their member number.
 */
export function planReply(claim: ClaimRecord, context: IntakeContext): ReplyPlan | undefined {
  const member = context.identification?.member;
  switch (claim.outcome) {
    case 'FORWARDED':
      return member && claim.forward ? { kind: 'acknowledged', to: member.email, language: member.language } : undefined;
    case 'DUPLICATE':
      return member ? { kind: 'duplicate', to: member.email, language: member.language } : undefined;
    case 'REVIEW':
      return member ? { kind: 'review', to: member.email, language: member.language } : undefined;
    case 'NEEDS_INFO': {
      if (member) return { kind: 'needs-info', to: member.email, language: member.language };
      const sender = senderAddress(context.mail);
      return SAFE_ADDRESS.test(sender) ? { kind: 'needs-info', to: sender, language: 'both' } : undefined;
    }
    case 'IGNORED':
    case 'QUARANTINED':
      return undefined;
  }
}

/**
 * Sends the reply the claim calls for, once (see sendOnce), within its address's daily reply
 * limit: past it the claim says no reply was sent, and why.
 */
export async function acknowledgeMember(
  claim: ClaimRecord,
  context: IntakeContext,
  dependencies: AcknowledgeDependencies,
): Promise<ClaimRecord> {
  if (claim.acknowledgement) return claim;
  const plan = planReply(claim, context);
  if (!plan) return claim;
  const memberMessageId = context.mail.messageId;
  const compose = async () => composeMemberReply({
    kind: plan.kind,
    summary: summarizeClaim(claim, context.identification?.member),
    to: plan.to,
    language: plan.language,
    missing: context.outcome?.missing,
    inReplyTo: memberMessageId,
    references: memberMessageId ? [...referencesOf(context), memberMessageId] : undefined,
    administrators: dependencies.administrators,
    statusLink: await statusLinkFor(plan.kind, claim, dependencies),
  });
  return sendOnce(claim, { kind: 'reply', messageKind: plan.kind, to: plan.to, language: plan.language, compose }, dependencies);
}

/**
 * The status page a reply points to: the claim's own, or for a duplicate the earlier claim the
 * documents belong to. A request for what is missing has none: the answer makes a new claim.
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
