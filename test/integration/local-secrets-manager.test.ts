import { DescribeSecretCommand, GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '../../bin/local/client-config.ts';
import { startLocalSecretsManager, type LocalSecretsManager } from '../../bin/local/local-secrets-manager.ts';
import { SecretsManagerSigningKeys } from '../../functions/shared/adapters/secrets-manager-signing-keys.ts';

const CURRENT = 'c'.repeat(64);
const PREVIOUS = 'p'.repeat(64);

describe('local Secrets Manager, through the real SDK client', () => {
  let emulator: LocalSecretsManager;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    emulator = await startLocalSecretsManager(
      [
        { name: 'status-link', current: CURRENT },
        { name: 'rotated', current: CURRENT, previous: PREVIOUS },
      ],
      'eu-west-1',
    );
    client = new SecretsManagerClient({ ...localClientConfig(emulator.endpoint), maxAttempts: 1 });
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.stop();
  });

  it('gives each secret an ARN of the form Secrets Manager gives, with six random characters', () => {
    expect(emulator.arnOf('status-link')).toMatch(/^arn:aws:secretsmanager:eu-west-1:000000000000:secret:status-link-[0-9a-f]{6}$/);
    expect(() => emulator.arnOf('missing')).toThrow('The local Secrets Manager holds no secret missing.');
  });

  it('returns the current version by ARN or by name, the previous one by its stage', async () => {
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: emulator.arnOf('rotated') }));
    const byName = await client.send(new GetSecretValueCommand({ SecretId: 'rotated', VersionStage: 'AWSCURRENT' }));
    const previous = await client.send(new GetSecretValueCommand({ SecretId: 'rotated', VersionStage: 'AWSPREVIOUS' }));

    expect(byArn).toMatchObject({ ARN: emulator.arnOf('rotated'), Name: 'rotated', SecretString: CURRENT, VersionStages: ['AWSCURRENT'] });
    expect(byArn.CreatedDate).toBeInstanceOf(Date);
    expect(byArn.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(byName).toMatchObject({ SecretString: CURRENT, VersionId: byArn.VersionId });
    expect(previous).toMatchObject({ SecretString: PREVIOUS, VersionStages: ['AWSPREVIOUS'] });
    expect(previous.VersionId).not.toBe(byArn.VersionId);
  });

  it('answers an unknown secret or stage with the ResourceNotFoundException AWS documents', async () => {
    const missingSecret = client.send(new GetSecretValueCommand({ SecretId: 'missing' }));
    const missingStage = client.send(new GetSecretValueCommand({ SecretId: 'status-link', VersionStage: 'AWSPREVIOUS' }));

    await expect(missingSecret).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(missingSecret).rejects.toMatchObject({ message: "Secrets Manager can't find the specified secret.", $metadata: { httpStatusCode: 400 } });
    await expect(missingStage).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
    });
  });

  it('speaks JSON 1.1 on the wire and answers nothing but GetSecretValue', async () => {
    const call = (target: string, body: unknown) =>
      fetch(emulator.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target },
        body: JSON.stringify(body),
      });

    const found = await call('secretsmanager.GetSecretValue', { SecretId: 'status-link' });
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(Object.keys((await found.json()) as object).sort()).toEqual(['ARN', 'CreatedDate', 'Name', 'SecretString', 'VersionId', 'VersionStages']);
    const notFound = await call('secretsmanager.GetSecretValue', { SecretId: 'missing' });
    expect(notFound.status).toBe(400);
    expect(await notFound.json()).toEqual({ __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." });
    await expect(client.send(new DescribeSecretCommand({ SecretId: 'status-link' }))).rejects.toMatchObject({ name: 'UnknownOperationException' });
  });

  it('gives the signing keys of a secret never rotated, and of one rotated', async () => {
    expect(await new SecretsManagerSigningKeys(client, emulator.arnOf('status-link')).keys()).toEqual({ current: Buffer.from(CURRENT) });
    expect(await new SecretsManagerSigningKeys(client, 'rotated').keys()).toEqual({ current: Buffer.from(CURRENT), previous: Buffer.from(PREVIOUS) });
  });
});
