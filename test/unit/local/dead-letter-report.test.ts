import { describe, expect, it } from 'vitest';
import { deadLetterDepthLine, deadLetteredLine } from '../../../bin/local/dead-letter-report.ts';

const deadLetter = (sesMessageId: string) => ({ sesMessageId, objectKey: `incoming/${sesMessageId}`, attempts: 5, deadLetteredAt: new Date('2026-12-07T18:00:00Z') });

describe('what npm start prints of the dead-letter queue', () => {
  it('prints a dead-lettered message beside its sample, with where its raw message is kept', () => {
    const result = { sesMessageId: '4f0c9d2a', objectKey: 'incoming/4f0c9d2a', recipients: ['claims@claims.example.org'], attempts: 5, failed: true };
    expect(deadLetteredLine('en-boston-bill.eml', result)).toBe(
      'en-boston-bill.eml         DEAD-LETTERED after 5 deliveries, raw message kept at incoming/4f0c9d2a',
    );
  });

  it('prints the depth, and the alarm it would raise deployed', () => {
    expect(deadLetterDepthLine([])).toBe('Dead-letter queue: 0 messages');
    expect(deadLetterDepthLine([deadLetter('4f0c9d2a')])).toBe('Dead-letter queue: 1 message (deployed, the IntakeDeadLetters alarm would be raised)');
    expect(deadLetterDepthLine([deadLetter('4f0c9d2a'), deadLetter('9b1e7c30')])).toBe(
      'Dead-letter queue: 2 messages (deployed, the IntakeDeadLetters alarm would be raised)',
    );
  });
});
