import { GetSecretValueCommand, ResourceNotFoundException, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SigningKeys, SigningKeySource } from '../domain/status-link/index.ts';
import { SafeToLogError } from '../log-safe-error.ts';

/**
 * How long an execution environment keeps the keys: a rotation reaches every environment within
 * minutes, while a busy one asks Secrets Manager a few times an hour, not at every request.
 */
const CACHE_TTL_MS = 5 * 60 * 1000;
/** The shortest time between two loads when a token matches no key held. */
const MIN_RELOAD_INTERVAL_MS = 60 * 1000;
/** HMAC-SHA256 keys shorter than its 32-byte output weaken it. */
const MIN_KEY_BYTES = 32;

export class StatusLinkSecretError extends SafeToLogError {
  override readonly name = 'StatusLinkSecretError';
}

interface LoadedKeys {
  readonly at: number;
  readonly keys: Promise<SigningKeys>;
}

/**
 * The status link key versions from a Secrets Manager secret (its AWSCURRENT and AWSPREVIOUS
 * string values), cached for the life of the execution environment with a short TTL.
 */
export class SecretsManagerSigningKeys implements SigningKeySource {
  private loaded: LoadedKeys | undefined;

  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly secretId: string,
    private readonly clock: () => number = Date.now,
  ) {}

  keys(): Promise<SigningKeys> {
    const loaded = this.loaded;
    return loaded && this.clock() - loaded.at < CACHE_TTL_MS ? loaded.keys : this.load();
  }

  async reload(): Promise<SigningKeys | undefined> {
    const loaded = this.loaded;
    if (loaded && this.clock() - loaded.at < MIN_RELOAD_INTERVAL_MS) return undefined;
    return this.load();
  }

  private load(): Promise<SigningKeys> {
    const loaded: LoadedKeys = {
      at: this.clock(),
      keys: this.fetchKeys().catch((error: unknown) => {
        // A failed load is not kept: the next request tries again.
        if (this.loaded === loaded) this.loaded = undefined;
        throw error;
      }),
    };
    this.loaded = loaded;
    return loaded.keys;
  }

  private async fetchKeys(): Promise<SigningKeys> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.previousVersion()]);
    return previous === undefined ? { current } : { current, previous };
  }

  /** Before the first rotation no version is AWSPREVIOUS. */
  private async previousVersion(): Promise<Buffer | undefined> {
    try {
      return await this.version('AWSPREVIOUS');
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }

  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<Buffer> {
    const { SecretString } = await this.secrets.send(new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }));
    const key = Buffer.from(SecretString ?? '', 'utf8');
    if (key.length < MIN_KEY_BYTES) {
      throw new StatusLinkSecretError(`The ${stage} version of the status link secret must be a string of at least ${MIN_KEY_BYTES} bytes`);
    }
    return key;
  }
}
