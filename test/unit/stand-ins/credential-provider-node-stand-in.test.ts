import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../../functions/shared/stand-ins/credential-provider-node-stand-in.ts';

/** The variables Lambda sets for a function's role (AWS's example keys). */
const ROLE_ENVIRONMENT = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE',
};

describe('credential-provider-node stand-in', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("gives the role's credentials Lambda puts in the environment", async () => {
    for (const [name, value] of Object.entries(ROLE_ENVIRONMENT)) vi.stubEnv(name, value);
    expect(await defaultProvider()()).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
      $source: { CREDENTIALS_ENV_VARS: 'g' },
    });
  });

  it('fails without them, saying where it looked', async () => {
    for (const name of Object.keys(ROLE_ENVIRONMENT)) vi.stubEnv(name, undefined);
    await expect(defaultProvider()()).rejects.toThrow('Unable to find environment variable credentials.');
  });
});
