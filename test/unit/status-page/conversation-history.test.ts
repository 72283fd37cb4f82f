import { describe, expect, it } from 'vitest';
import { renderClaimStatusPage } from '../../../functions/shared/status-page/claim-status-page.ts';
import { claimRecord } from '../../support/claim-records.ts';

/** Bill's claim: asked for its documents, answered, forwarded, then a page sent later forwarded as a follow-up. */
const CONVERSATION = claimRecord({
  status: 'FORWARDED',
  statusHistory: [
    { status: 'RECEIVED', at: '2026-03-15T13:30:00.000Z' },
    { status: 'NEEDS_INFO', at: '2026-03-15T13:30:30.000Z', detail: 'no document attached' },
    { status: 'RECEIVED', at: '2026-03-16T09:00:00.000Z', detail: 'information received', step: 'information-received' },
    { status: 'FORWARDED', at: '2026-03-16T09:00:05.000Z', detail: 'to MAI' },
    { status: 'FORWARDED', at: '2026-03-17T10:00:05.000Z', detail: 'follow-up to MAI' },
  ],
});

const historyOf = (html: string) => [...html.matchAll(/<li><time [^>]*>[^<]*<\/time> – ([^<]*)<\/li>/g)].map((match) => match[1]);

describe('the status page of a conversation', () => {
  it('shows each step of it in French', () => {
    expect(historyOf(renderClaimStatusPage(CONVERSATION, 'fr', {}))).toEqual(['reçue', 'informations demandées', 'informations reçues', 'transmise', 'complément transmis']);
  });

  it('shows each step of it in English', () => {
    expect(historyOf(renderClaimStatusPage(CONVERSATION, 'en', {}))).toEqual(['received', 'information requested', 'information received', 'forwarded', 'follow-up forwarded']);
  });
});
