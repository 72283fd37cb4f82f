import { describe, expect, it } from 'vitest';
import { decisionMessageBody, parseDecisionMessage } from '../../../functions/shared/events/decision-message.ts';

describe('the intake queue message that asks for a decision to be carried out', () => {
  it('names the claim, and reads back', () => {
    expect(decisionMessageBody('CLM-2026-7K3F9Q')).toBe('{"carryOutDecision":{"reference":"CLM-2026-7K3F9Q"}}');
    expect(parseDecisionMessage(decisionMessageBody('CLM-2026-7K3F9Q'))).toEqual({ reference: 'CLM-2026-7K3F9Q' });
  });

  it.each([
    ['an SES receipt notification in its SNS envelope', JSON.stringify({ Type: 'Notification', Message: '{"notificationType":"Received"}' })],
    ['text that is not JSON', 'carryOutDecision CLM-2026-7K3F9Q'],
    ['a reference that is not one', decisionMessageBody('CLM-2026-7K3F9Q"; DROP')],
    ['a decision with no reference', '{"carryOutDecision":{}}'],
  ])('is not %s', (_, body) => {
    expect(parseDecisionMessage(body)).toBeUndefined();
  });
});
