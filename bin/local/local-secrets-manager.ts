import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeHttpServer, listeningPort, LOOPBACK, loopbackEndpoint, type LocalService } from './local-service.ts';

/** A secret the emulator holds: its AWSCURRENT value and, once rotated, its AWSPREVIOUS one. */
export interface LocalSecret {
  readonly name: string;
  readonly current: string;
  readonly previous?: string;
}

export interface LocalSecretsManager extends LocalService {
  /** The ARN the emulator gave the secret of that name. */
  arnOf(name: string): string;
}

interface StoredVersion {
  readonly versionId: string;
  readonly value: string;
  readonly createdDate: number;
}

interface StoredSecret {
  readonly name: string;
  readonly arn: string;
  readonly stages: ReadonlyMap<string, StoredVersion>;
}

class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ACCOUNT = '000000000000';
const JSON_1_1 = 'application/x-amz-json-1.1';

/**
 * The one Secrets Manager call the functions make, GetSecretValue by name or ARN and version
 * stage, over AWS's JSON 1.1 protocol so that the real SDK client reaches it. Nothing else is
 * answered, and signatures are not checked.
 */
export async function startLocalSecretsManager(secrets: readonly LocalSecret[], region: string): Promise<LocalSecretsManager> {
  const stored = secrets.map((secret) => storedSecret(secret, region));
  const server = createServer((request, response) => {
    void answer(request, stored)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        const { type, message } = error instanceof ServiceError ? error : new ServiceError('InternalServiceError', 'The emulator failed.');
        send(response, type === 'InternalServiceError' ? 500 : 400, { __type: type, Message: message });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  return {
    endpoint: loopbackEndpoint(listeningPort(server)),
    arnOf(name) {
      const secret = stored.find((candidate) => candidate.name === name);
      if (!secret) throw new Error(`The local Secrets Manager holds no secret ${name}.`);
      return secret.arn;
    },
    stop: () => closeHttpServer(server),
  };
}

function storedSecret(secret: LocalSecret, region: string): StoredSecret {
  const createdDate = Date.now() / 1000;
  const version = (value: string): StoredVersion => ({ versionId: randomUUID(), value, createdDate });
  const stages = new Map([['AWSCURRENT', version(secret.current)]]);
  if (secret.previous !== undefined) stages.set('AWSPREVIOUS', version(secret.previous));
  // Secrets Manager ends every ARN with six random characters.
  const suffix = randomBytes(3).toString('hex');
  return { name: secret.name, arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${secret.name}-${suffix}`, stages };
}

async function answer(request: IncomingMessage, secrets: readonly StoredSecret[]): Promise<unknown> {
  const operation = request.headers['x-amz-target'];
  if (request.method !== 'POST' || operation !== 'secretsmanager.GetSecretValue') {
    throw new ServiceError('UnknownOperationException', 'The local Secrets Manager only answers GetSecretValue.');
  }
  const input = parseInput(await readBody(request));
  if (input.VersionId !== undefined) {
    throw new ServiceError('InvalidParameterException', 'The local Secrets Manager finds versions by VersionStage only.');
  }
  const secret = secrets.find(({ name, arn }) => input.SecretId === name || input.SecretId === arn);
  if (!secret) throw new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  const stage = input.VersionStage ?? 'AWSCURRENT';
  const version = secret.stages.get(stage);
  if (!version) {
    throw new ServiceError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`);
  }
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    SecretString: version.value,
    VersionStages: [stage],
    CreatedDate: version.createdDate,
  };
}

function parseInput(body: string): { SecretId?: string; VersionId?: string; VersionStage?: string } {
  try {
    return JSON.parse(body) as { SecretId?: string; VersionId?: string; VersionStage?: string };
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not JSON.');
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': JSON_1_1, 'x-amzn-RequestId': randomUUID() });
  response.end(JSON.stringify(body));
}
