import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import type { ClaimRecord } from '../../../functions/shared/domain/claim.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { joinConversation, type JoinDependencies } from '../../../functions/shared/pipeline/join-conversation.ts';
import { claimRecord, REFERENCE } from '../../support/claim-records.ts';
import { envelope, intakeContext, SAMPLE_MEMBERS, UNAUTHENTICATED_VERDICTS } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';

/** SES's id of the request for documents the claim sent Marie, and the Message-ID SES gave it. */
const REQUEST_ID = '0102018c3a6f2b1e-6d1b2c3a-4b5c-4d6e-8f90-a1b2c3d4e5f6-000000';
const REQUEST_MESSAGE_ID = `<${REQUEST_ID}@eu-west-1.amazonses.com>`;

/** Marie's claim, waiting for her documents. */
const waiting = (changes: Partial<ClaimRecord> = {}) =>
  claimRecord({ memberId: '12345678', status: 'NEEDS_INFO', outcome: 'NEEDS_INFO', treatmentCountry: undefined, route: undefined, evidence: [], ...changes });

let claims: InMemoryClaimRepository;
let dependencies: JoinDependencies;

beforeEach(() => {
  claims = new InMemoryClaimRepository();
  dependencies = { claims, directory: new InMemoryMemberDirectory(SAMPLE_MEMBERS), administrators: {} };
});

async function seedWithRequest(claim: ClaimRecord): Promise<void> {
  await claims.seed(claim);
  claims.referenceBySentMessage.set(REQUEST_ID, claim.reference);
}

const replyOf = (changes: Partial<IntakeContext> = {}, headers: Record<string, string> = {}, from = 'Marie Dupont <marie.dupont@example.fr>', subject = 'Re: documents') =>
  intakeContext({ from, subject, headers }, { envelope: envelope({ sesMessageId: 'ses-reply-0002' }), outcome: { status: 'NEEDS_INFO', missing: 'documents', reasons: ['no document attached'] }, ...changes });

describe('joinConversation', () => {
  it('joins the claim whose message the reply names in In-Reply-To', async () => {
    await seedWithRequest(waiting());
    const joined = await joinConversation(await replyOf({}, { 'In-Reply-To': REQUEST_MESSAGE_ID }), dependencies);
    expect(joined.conversation).toMatchObject({ claim: { reference: REFERENCE }, joinedBy: 'header', from: 'member' });
  });

  it('joins by a Message-ID of ours among References, as SES wrote it in us-east-1', async () => {
    await seedWithRequest(waiting());
    const references = `<CAF1=first@mail.example.fr> <${REQUEST_ID}@email.amazonses.com>`;
    const joined = await joinConversation(await replyOf({}, { References: references }), dependencies);
    expect(joined.conversation?.joinedBy).toBe('header');
  });

  it("joins by the subject's reference a message from the claim's member, authenticated", async () => {
    await claims.seed(waiting());
    const joined = await joinConversation(await replyOf({}, {}, undefined, `Re: Votre demande [${REFERENCE}]`), dependencies);
    expect(joined.conversation).toMatchObject({ claim: { reference: REFERENCE }, joinedBy: 'subject', from: 'member' });
  });

  it('starts a claim of its own for a stranger quoting the reference, and says why', async () => {
    await claims.seed(waiting());
    const joined = await joinConversation(await replyOf({}, {}, 'Eve <eve@example.net>', `About ${REFERENCE}`), dependencies);
    expect(joined.conversation).toBeUndefined();
    expect(joined.outcome?.reasons).toEqual(['no document attached', `the subject names ${REFERENCE}, but the sender is not that claim's member`]);
  });

  it("starts a claim of its own for the member's address when the sender is not authenticated", async () => {
    await claims.seed(waiting());
    const context = await replyOf({ envelope: envelope({ sesMessageId: 'ses-reply-0002', verdicts: UNAUTHENTICATED_VERDICTS }) }, {}, undefined, `[${REFERENCE}]`);
    const joined = await joinConversation(context, dependencies);
    expect(joined.conversation).toBeUndefined();
    expect(joined.outcome?.reasons.at(-1)).toBe(`the subject names ${REFERENCE}, but the sender is not authenticated`);
  });

  it('joins an automatic reply to any claim, and the administrator answering the forward', async () => {
    await seedWithRequest(waiting({ status: 'FORWARDED', outcome: 'FORWARDED' }));
    const automatic = await replyOf({ screening: { outcome: 'IGNORED', reason: 'automatic message (Auto-Submitted)' } }, { 'In-Reply-To': REQUEST_MESSAGE_ID });
    expect((await joinConversation(automatic, dependencies)).conversation?.from).toBe('automatic');
    const clerk = await replyOf({}, { 'In-Reply-To': REQUEST_MESSAGE_ID }, 'MAI <claims.clerk@medical-administrators.com>');
    expect((await joinConversation(clerk, dependencies)).conversation?.from).toBe('administrator');
  });

  it('joins a member message to a forwarded claim, leaves one to a duplicate to start its own, and quarantined mail out of any claim', async () => {
    await seedWithRequest(waiting({ status: 'FORWARDED', outcome: 'FORWARDED' }));
    expect((await joinConversation(await replyOf({}, { 'In-Reply-To': REQUEST_MESSAGE_ID }), dependencies)).conversation?.from).toBe('member');
    await claims.seed(waiting({ reference: 'CLM-2026-8A2YF7', sesMessageId: 'ses-duplicate', status: 'DUPLICATE', outcome: 'DUPLICATE' }));
    claims.referenceBySentMessage.set('duplicate-notice-000000', 'CLM-2026-8A2YF7');
    const toDuplicate = await replyOf({}, { 'In-Reply-To': '<duplicate-notice-000000@eu-west-1.amazonses.com>' });
    expect((await joinConversation(toDuplicate, dependencies)).conversation).toBeUndefined();
    const quarantined = await replyOf({ screening: { outcome: 'QUARANTINED', reason: 'virus verdict FAIL' } }, { 'In-Reply-To': REQUEST_MESSAGE_ID });
    expect((await joinConversation(quarantined, dependencies)).conversation).toBeUndefined();
  });

  it('finds again the claim a redelivered message joined, whatever its state now', async () => {
    await seedWithRequest(waiting());
    const reply = await replyOf({}, { 'In-Reply-To': REQUEST_MESSAGE_ID });
    await claims.recordJoinedMessage(REFERENCE, {
      sesMessageId: 'ses-reply-0002',
      receivedAt: reply.envelope.receivedAt.toISOString(),
      rawMessage: { bucket: 'claims-bucket', key: 'incoming/ses-reply-0002' },
      joinedBy: 'header',
      from: 'member',
      outcome: 'information received',
      documents: 0,
    }, { from: 'NEEDS_INFO', status: 'RECEIVED', outcome: 'FORWARDED', reasons: [], statusChanges: [], documents: [], evidence: [], invoices: [], newDocumentHashes: [] });
    expect((await claims.get(REFERENCE))?.status).toBe('RECEIVED');
    const joined = await joinConversation(reply, dependencies);
    expect(joined.conversation).toMatchObject({ claim: { reference: REFERENCE }, joinedBy: 'header', from: 'member' });
  });
});
