import { describe, expect, it } from 'vitest';
import { claimDetails } from '../../../bin/cli/claim-view.ts';
import { claimRecord } from '../../support/claim-records.ts';

const withConversation = claimRecord({
  status: 'REVIEW',
  outcome: 'REVIEW',
  conversation: [
    {
      sesMessageId: 'ses-reply-0002',
      receivedAt: '2026-03-16T09:00:00.000Z',
      rawMessage: { bucket: 'claims-bucket', key: 'incoming/ses-reply-0002' },
      joinedBy: 'header',
      from: 'administrator',
      outcome: 'the administrator answered the forward: a person reads the answer',
      documents: 1,
    },
  ],
});

describe('claims show', () => {
  it('lists the messages that joined the claim, with who sent them and what became of them, after its history', () => {
    const lines = claimDetails(withConversation);
    const start = lines.indexOf('Messages received since:');
    expect(lines.slice(start, start + 3)).toEqual([
      'Messages received since:',
      '  2026-03-16T09:00:00.000Z  from the administrator, joined by header, 1 document(s): the administrator answered the forward: a person reads the answer  raw s3://claims-bucket/incoming/ses-reply-0002',
      'Reasons:',
    ]);
  });

  it('shows no such section for a claim no message joined', () => {
    expect(claimDetails(claimRecord())).not.toContain('Messages received since:');
  });
});
