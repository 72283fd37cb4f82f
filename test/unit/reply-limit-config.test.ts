import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseIntakeConfig } from '../../functions/shared/config.ts';
import { BASE_ENVIRONMENT } from '../support/intake-environment.ts';

describe('the reply limit setting', () => {
  it('allows 5 replies an address a day unless REPLY_LIMIT_PER_DAY says otherwise', () => {
    expect(parseIntakeConfig(BASE_ENVIRONMENT).REPLY_LIMIT_PER_DAY).toBe(5);
    expect(parseIntakeConfig({ ...BASE_ENVIRONMENT, REPLY_LIMIT_PER_DAY: '12' }).REPLY_LIMIT_PER_DAY).toBe(12);
  });

  it.each(['0', '-1', '2.5', 'five'])('stops the cold start on REPLY_LIMIT_PER_DAY=%s, naming the variable', (value) => {
    const parse = () => parseIntakeConfig({ ...BASE_ENVIRONMENT, REPLY_LIMIT_PER_DAY: value });
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow('REPLY_LIMIT_PER_DAY:');
  });
});
