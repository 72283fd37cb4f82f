import type { AdministratorOverrides } from '../domain/administrators.ts';
import type { ClaimRecord, ClaimRecordStatus, ClaimRepository, ConversationMessage } from '../domain/claim.ts';
import { isAdministratorAddress, joinRule, referenceInSubject, sesMessageIdsRepliedTo } from '../domain/conversation.ts';
import type { MemberDirectory } from '../domain/types.ts';
import { usableSenderAddress } from './authenticate-sender.ts';
import type { IntakeContext } from './context.ts';
import { administratorAddressing } from './forward-claim.ts';

export interface JoinDependencies {
  readonly claims: ClaimRepository;
  readonly directory: MemberDirectory;
  /** The administrators' claims and fax gateway addresses: mail from their domains answers a forward. */
  readonly administrators: AdministratorOverrides;
}

/** Every address the administrators are known by: their claims addresses and fax gateways. */
function administratorAddresses(overrides: AdministratorOverrides): string[] {
  return (['MAI', 'CIGNA_US'] as const).flatMap((route) => {
    const { to, cc = [] } = administratorAddressing(route, overrides);
    return [to, ...cc];
  });
}

/**
 * Claim states a member's message continues: a claim waiting for information takes it as the
 * answer, a forwarded one as a follow-up, and one a person is reviewing keeps it for them. A
 * member's message to a claim in any other state (its forward still going, a duplicate, ignored)
 * starts a claim of its own.
 */
const CONTINUED_BY_MEMBER: ReadonlySet<ClaimRecordStatus> = new Set(['NEEDS_INFO', 'FORWARDED', 'REVIEW']);

/**
 * Finds the claim the message joins, if any: the one it was recorded on already (a redelivery),
 * the one whose message it replies to, or the one its subject names when it comes from that
 * claim's member (domain/conversation.ts). Quarantined mail joins nothing.
 */
export async function joinConversation(context: IntakeContext, dependencies: JoinDependencies): Promise<IntakeContext> {
  if (context.screening?.outcome === 'QUARANTINED') return context;
  const { claims } = dependencies;
  const recorded = await claims.findByMessageId(context.envelope.sesMessageId);
  if (recorded) {
    const joined = recorded.conversation?.find((message) => message.sesMessageId === context.envelope.sesMessageId);
    return joined ? { ...context, conversation: { claim: recorded, joinedBy: joined.joinedBy, from: joined.from } } : { ...context, recorded: { claim: recorded } };
  }
  return joinedClaim({ ...context, recorded: {} }, dependencies);
}

/** The claim a message not recorded yet joins: the one it replies to, or the one its subject names. */
async function joinedClaim(context: IntakeContext, dependencies: JoinDependencies): Promise<IntakeContext> {
  const { claims } = dependencies;
  const { mail } = context;
  const repliedTo = await firstSender(sesMessageIdsRepliedTo(messageIdsOf(mail.inReplyTo), messageIdsOf(mail.references)), claims);
  const quotedReference = repliedTo ? undefined : referenceInSubject(mail.subject ?? '');
  const quoted = quotedReference ? await claims.get(quotedReference) : undefined;
  const senderAddress = usableSenderAddress(mail);
  const authentic = context.sender?.authentic === true;
  const decision = joinRule({
    ...(repliedTo ? { repliedTo: { reference: repliedTo.reference } } : {}),
    ...(quoted ? { quoted: { reference: quoted.reference, member: quoted.memberId ? await dependencies.directory.findById(quoted.memberId) : undefined } } : {}),
    senderAddress,
    authentic,
    ...(context.fax?.callerNumber ? { faxCaller: context.fax.callerNumber } : {}),
  });
  if (decision.joins === undefined) return decision.refused ? withReason(context, decision.refused) : context;

  const claim = repliedTo ?? quoted;
  if (!claim) return context;
  const from = senderOf(context, senderAddress, authentic, administratorAddresses(dependencies.administrators));
  if (from === 'member' && !CONTINUED_BY_MEMBER.has(claim.status)) return context;
  return { ...context, conversation: { claim, joinedBy: decision.by, from } };
}

/** A person reading the claim sees why it did not join the one its subject names. */
function withReason(context: IntakeContext, reason: string): IntakeContext {
  const { outcome } = context;
  return outcome ? { ...context, outcome: { ...outcome, reasons: [...outcome.reasons, reason] } } : context;
}

function senderOf(context: IntakeContext, address: string, authentic: boolean, administratorAddresses: readonly string[]): ConversationMessage['from'] {
  if (context.screening?.outcome === 'IGNORED') return 'automatic';
  return authentic && isAdministratorAddress(address, administratorAddresses) ? 'administrator' : 'member';
}

/** The claim that sent the first of these messages found. */
async function firstSender(sesMessageIds: readonly string[], claims: ClaimRepository): Promise<ClaimRecord | undefined> {
  for (const id of sesMessageIds) {
    const claim = await claims.findBySentMessageId(id);
    if (claim) return claim;
  }
  return undefined;
}

/** The `<id>` Message-IDs of an In-Reply-To or References header as mailparser gives it. */
function messageIdsOf(value: string | readonly string[] | undefined): string[] {
  const text = typeof value === 'string' ? value : (value ?? []).join(' ');
  return text.match(/<[^<>\s]+>/g) ?? [];
}
