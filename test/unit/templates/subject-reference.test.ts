import { describe, expect, it } from 'vitest';
import { referenceInSubject } from '../../../functions/shared/domain/conversation.ts';
import { composeForward, composeMemberReply, type MemberReplyRequest, type ReplyLanguage } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, claimInUsa, EARLIER_REFERENCE, MARIE, REFERENCE } from './summaries.ts';

const LANGUAGES: readonly ReplyLanguage[] = ['fr', 'en', 'both'];
const REPLIES: readonly Pick<MemberReplyRequest, 'kind' | 'missing'>[] = [
  { kind: 'acknowledged' },
  { kind: 'duplicate' },
  { kind: 'review' },
  { kind: 'needs-info', missing: 'documents' },
  { kind: 'needs-info', missing: 'member-number' },
  { kind: 'reminder', missing: 'documents' },
  { kind: 'reminder', missing: 'member-number' },
];

/** The subjects of every message the intake sends, each with its language. */
const subjects = [
  ...REPLIES.flatMap((reply) =>
    LANGUAGES.map((language) => ({
      what: `${reply.kind} ${reply.missing ?? ''} in ${language}`,
      subject: composeMemberReply({ ...reply, summary: claimInSpain({ duplicateOf: EARLIER_REFERENCE }), to: MARIE.email, language, administrators: {} }).subject,
    })),
  ),
  { what: 'forward to MAI', subject: composeForward({ summary: claimInSpain(), to: 'claims@mai.example', attachments: [] }).subject },
  { what: 'forward to Cigna US', subject: composeForward({ summary: claimInUsa(), to: 'claims@cigna.example', attachments: [] }).subject },
  { what: 'follow-up to MAI', subject: composeForward({ summary: claimInSpain(), to: 'claims@mai.example', attachments: [], followUp: true }).subject },
  { what: 'follow-up to Cigna US', subject: composeForward({ summary: claimInUsa(), to: 'claims@cigna.example', attachments: [], followUp: true }).subject },
];

describe('the reference in every subject we send', () => {
  it.each(subjects)('$what names the claim as [reference], and only that claim', ({ subject }) => {
    expect(subject).toContain(`[${REFERENCE}]`);
    expect(referenceInSubject(`Re: ${subject}`)).toBe(REFERENCE);
  });
});
