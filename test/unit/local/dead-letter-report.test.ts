import { describe, expect, it } from 'vitest';
import { deadLetterDepthLine, deadLetteredLine } from '../../../bin/local/dead-letter-report.ts';

describe('what npm start prints of the dead-letter queue', () => {
  it('prints a dead-lettered message beside its sample, with where its raw message is kept', () => {
    const result = { sesMessageId: '4f0c9d2a', objectKey: 'incoming/4f0c9d2a', recipients: ['claims@claims.example.org'], attempts: 5, failed: true };
    expect(deadLetteredLine('en-boston-bill.eml', result)).toBe(
      'en-boston-bill.eml         DEAD-LETTERED after 5 deliveries, raw message kept at incoming/4f0c9d2a',
    );
  });

  it('prints the depth, and the alarm it would raise deployed', () => {
    expect(deadLetterDepthLine(0)).toBe('Dead-letter queue: 0 messages');
    expect(deadLetterDepthLine(1)).toBe(
      'Dead-letter queue: 1 message (deployed, the IntakeDeadLetters alarm would be raised; claims-intake dlq list --local shows them)',
    );
    expect(deadLetterDepthLine(2)).toBe(
      'Dead-letter queue: 2 messages (deployed, the IntakeDeadLetters alarm would be raised; claims-intake dlq list --local shows them)',
    );
  });
});
