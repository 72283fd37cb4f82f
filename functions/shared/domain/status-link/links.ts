import { CLAIM_REFERENCE_PATTERN } from '../claim-reference.ts';
import type { SigningKeySource } from './signing-keys.ts';
import { signStatusToken, verifyStatusToken, type TokenVerdict } from './token.ts';

/** Query parameter carrying the token: /claims/<reference>?t=<token>. */
export const TOKEN_PARAMETER = 't';

const DAY_MS = 24 * 60 * 60 * 1000;
const STATUS_PATH = /^\/claims\/([^/]+)$/;

/** The claim reference a status page path names, or undefined for any other path. */
export function referenceFromPath(path: string): string | undefined {
  const reference = STATUS_PATH.exec(path)?.[1];
  return reference !== undefined && CLAIM_REFERENCE_PATTERN.test(reference) ? reference : undefined;
}

/** Signs the links the replies give members to their claim's status page. */
export class StatusLinkIssuer {
  /**
   * @param pageOrigin where the status page is served, e.g. its function URL
   * @param validityDays how long a link works after it is sent
   */
  constructor(
    private readonly pageOrigin: string,
    private readonly keys: SigningKeySource,
    private readonly validityDays: number,
  ) {}

  async linkFor(reference: string, sentAt: Date): Promise<string> {
    const { current } = await this.keys.keys();
    const expiresAt = new Date(sentAt.getTime() + this.validityDays * DAY_MS);
    const link = new URL(`/claims/${reference}`, this.pageOrigin);
    link.searchParams.set(TOKEN_PARAMETER, signStatusToken(reference, expiresAt, current));
    return link.href;
  }
}

/** Tells whether a status link's token was issued by us for that claim and still works. */
export class StatusLinkVerifier {
  constructor(private readonly keys: SigningKeySource) {}

  async verify(reference: string, token: string, now: Date): Promise<TokenVerdict> {
    const verdict = verifyStatusToken(reference, token, await this.keys.keys(), now);
    if (verdict !== 'forged') return verdict;
    const reloaded = await this.keys.reload();
    return reloaded ? verifyStatusToken(reference, token, reloaded, now) : verdict;
  }
}
