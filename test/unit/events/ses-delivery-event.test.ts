import { describe, expect, it } from 'vitest';
import { InvalidDeliveryEventError, parseQueuedDeliveryEvent } from '../../../functions/shared/events/ses-delivery-event.ts';
import { sesBounceRecord, sesComplaintRecord, snsBody } from '../../support/ses-events.ts';

const tags = { claimReference: ['CLM-2026-7K3F9Q'], kind: ['forward'] };

describe('parseQueuedDeliveryEvent', () => {
  it('reads a permanent bounce of a forward as a bounce of that claim whose forward is lost', () => {
    expect(parseQueuedDeliveryEvent(snsBody(sesBounceRecord(tags)))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: { type: 'BOUNCE', at: '2017-08-05T00:41:02.669Z', detail: 'forward: Permanent/General' },
      forwardUndelivered: 'the forward bounced: Permanent/General',
    });
  });

  it('takes a transient bounce of a forward, which SES retries, and a permanent one of a reply, for no lost forward', () => {
    const transient = sesBounceRecord(tags);
    transient.bounce.bounceType = 'Transient';
    transient.bounce.bounceSubType = 'MailboxFull';
    expect(parseQueuedDeliveryEvent(snsBody(transient))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: { type: 'BOUNCE', at: '2017-08-05T00:41:02.669Z', detail: 'forward: Transient/MailboxFull' },
    });
    expect(parseQueuedDeliveryEvent(snsBody(sesBounceRecord({ ...tags, kind: ['acknowledged'] })))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: { type: 'BOUNCE', at: '2017-08-05T00:41:02.669Z', detail: 'acknowledged: Permanent/General' },
    });
  });

  it('reads a rejected forward as lost', () => {
    const { bounce: _bounce, ...mail } = sesBounceRecord(tags);
    expect(parseQueuedDeliveryEvent(snsBody({ ...mail, eventType: 'Reject', reject: { reason: 'Bad content' } }))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: { type: 'REJECT', at: '2017-08-05T00:40:02.012Z', detail: 'forward: Bad content' },
      forwardUndelivered: 'SES rejected the forward: Bad content',
    });
  });

  it('reads a complaint about an acknowledgement', () => {
    expect(parseQueuedDeliveryEvent(snsBody(sesComplaintRecord({ ...tags, kind: ['acknowledged'] })))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: { type: 'COMPLAINT', at: '2017-08-05T00:41:02.669Z', detail: 'acknowledged: abuse' },
    });
  });

  it("names the ledger's message and attempt an event concerns, from the mailer's tags and SES's message id", () => {
    const ledgerTags = { ...tags, ledger: ['forward'], attempt: ['2'] };
    const { bounce: _bounce, ...mail } = sesBounceRecord(ledgerTags);
    expect(parseQueuedDeliveryEvent(snsBody({ ...mail, eventType: 'Send', send: {} }))).toEqual({
      reference: 'CLM-2026-7K3F9Q',
      event: {
        type: 'SEND',
        at: '2017-08-05T00:40:02.012Z',
        detail: 'forward',
        send: { id: 'forward', attempt: 2, messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000' },
      },
    });
    expect(parseQueuedDeliveryEvent(snsBody(sesComplaintRecord({ ...tags, kind: ['reminder'], ledger: ['reply-reminder-1'], attempt: ['1'] })))?.event.send).toEqual({
      id: 'reply-reminder-1',
      attempt: 1,
      messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
    });
  });

  it.each([
    ['no ledger tag', {}],
    ['a ledger tag that is no message id', { ledger: ['Forward:1'], attempt: ['1'] }],
    ['an attempt that is not a positive whole number', { ledger: ['reply'], attempt: ['0'] }],
  ])('names no attempt for mail with %s', (_what, extra) => {
    expect(parseQueuedDeliveryEvent(snsBody(sesBounceRecord({ ...tags, ...extra })))?.event.send).toBeUndefined();
  });

  it('ignores mail without a claim reference and event types that say nothing of delivery', () => {
    expect(parseQueuedDeliveryEvent(snsBody(sesBounceRecord({})))).toBeUndefined();
    expect(parseQueuedDeliveryEvent(snsBody({ ...sesBounceRecord(tags), eventType: 'Open' }))).toBeUndefined();
  });

  it('rejects what is not an SES event in an SNS envelope', () => {
    expect(() => parseQueuedDeliveryEvent('not json')).toThrow(InvalidDeliveryEventError);
    expect(() => parseQueuedDeliveryEvent(JSON.stringify({ Records: [] }))).toThrow('SQS body is not an SNS notification');
    expect(() => parseQueuedDeliveryEvent(snsBody({ eventType: 'Bounce' }))).toThrow('SNS message is not an SES event');
  });
});
