import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretsManagerSigningKeys, StatusLinkSecretError } from '../../../functions/shared/adapters/secrets-manager-signing-keys.ts';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StatusLinkSecret-a1b2c3';
const CURRENT = 'c'.repeat(64);
const PREVIOUS = 'p'.repeat(64);
const NEXT = 'n'.repeat(64);
const MINUTE = 60 * 1000;

const notFound = (stage: string) =>
  new ResourceNotFoundException({ message: `Secrets Manager can't find the specified secret value for staging label: ${stage}`, $metadata: {} });

describe('SecretsManagerSigningKeys', () => {
  const secrets = mockClient(SecretsManagerClient);
  let now: number;
  let keys: SecretsManagerSigningKeys;

  beforeEach(() => {
    now = Date.parse('2026-03-15T13:30:00Z');
    keys = new SecretsManagerSigningKeys(new SecretsManagerClient({ region: 'eu-west-1' }), SECRET_ARN, () => now);
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' }).resolves({ SecretString: CURRENT });
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSPREVIOUS' }).resolves({ SecretString: PREVIOUS });
  });

  afterEach(() => {
    secrets.reset();
  });

  const stagesAsked = () => secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.VersionStage);

  it('reads the current and the previous versions of the secret, by stage', async () => {
    expect(await keys.keys()).toEqual({ current: Buffer.from(CURRENT), previous: Buffer.from(PREVIOUS) });
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' },
      { SecretId: SECRET_ARN, VersionStage: 'AWSPREVIOUS' },
    ]);
  });

  it('has no previous key before the first rotation', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSPREVIOUS' }).rejects(notFound('AWSPREVIOUS'));

    expect(await keys.keys()).toEqual({ current: Buffer.from(CURRENT) });
  });

  it('keeps the keys five minutes, then reads them again', async () => {
    await Promise.all([keys.keys(), keys.keys()]);
    now += 5 * MINUTE - 1;
    await keys.keys();
    expect(stagesAsked()).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);

    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' }).resolves({ SecretString: NEXT });
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSPREVIOUS' }).resolves({ SecretString: CURRENT });
    now += 1;
    expect(await keys.keys()).toEqual({ current: Buffer.from(NEXT), previous: Buffer.from(CURRENT) });
    expect(stagesAsked()).toHaveLength(4);
  });

  it('reloads on demand, but not twice within a minute', async () => {
    await keys.keys();
    now += MINUTE - 1;
    expect(await keys.reload()).toBeUndefined();
    now += 1;
    expect(await keys.reload()).toEqual({ current: Buffer.from(CURRENT), previous: Buffer.from(PREVIOUS) });
    expect(await keys.reload()).toBeUndefined();
    expect(stagesAsked()).toHaveLength(4);
  });

  it('does not keep a failed read: the next request tries again', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' }).rejectsOnce(new Error('throttled')).resolves({ SecretString: CURRENT });

    await expect(keys.keys()).rejects.toThrow('throttled');
    expect(await keys.keys()).toEqual({ current: Buffer.from(CURRENT), previous: Buffer.from(PREVIOUS) });
  });

  it('fails when the secret itself is missing', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' }).rejects(notFound('AWSCURRENT'));

    await expect(keys.keys()).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it.each([
    ['a short value', { SecretString: 'test' }],
    ['a binary value', { SecretBinary: new Uint8Array(64) }],
  ])('refuses %s: an HMAC key needs at least 32 bytes', async (_, value) => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' }).resolves(value);

    await expect(keys.keys()).rejects.toThrow(
      new StatusLinkSecretError('The AWSCURRENT version of the status link secret must be a string of at least 32 bytes'),
    );
  });
});
