import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseRemindersConfig } from '../../functions/shared/config.ts';

const BASE = { CLAIMS_TABLE: 'claims', SENDER_ADDRESS: 'claims@claims.example.org' };

describe('parseRemindersConfig', () => {
  it('reminds after 7 days and gives the claim to a person after 14 by default', () => {
    expect(parseRemindersConfig(BASE)).toMatchObject({ REMINDER_AFTER_DAYS: 7, REVIEW_AFTER_DAYS: 14, REPLY_LIMIT_PER_DAY: 5 });
  });

  it('takes other periods', () => {
    expect(parseRemindersConfig({ ...BASE, REMINDER_AFTER_DAYS: '3', REVIEW_AFTER_DAYS: '10' })).toMatchObject({ REMINDER_AFTER_DAYS: 3, REVIEW_AFTER_DAYS: 10 });
  });

  it('refuses a review that would come before the reminder, and a period that is not a whole number of days', () => {
    expect(() => parseRemindersConfig({ ...BASE, REMINDER_AFTER_DAYS: '7', REVIEW_AFTER_DAYS: '7' })).toThrow(
      new ConfigurationError('Invalid reminders configuration: REVIEW_AFTER_DAYS: must be more days than REMINDER_AFTER_DAYS'),
    );
    expect(() => parseRemindersConfig({ ...BASE, REMINDER_AFTER_DAYS: '1.5' })).toThrow(ConfigurationError);
  });
});
