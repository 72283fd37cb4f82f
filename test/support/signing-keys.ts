import type { SigningKeys, SigningKeySource } from '../../functions/shared/domain/status-link/index.ts';

export const CURRENT_KEY = Buffer.from('k'.repeat(32));
export const PREVIOUS_KEY = Buffer.from('p'.repeat(32));
export const OTHER_KEY = Buffer.from('o'.repeat(32));

/** Keys held in memory; `reload` gives the next keys once, as a source that saw a rotation would. */
export class FixedSigningKeys implements SigningKeySource {
  reloads = 0;

  constructor(
    private held: SigningKeys,
    private readonly afterReload?: SigningKeys,
  ) {}

  async keys(): Promise<SigningKeys> {
    return this.held;
  }

  async reload(): Promise<SigningKeys | undefined> {
    this.reloads += 1;
    if (!this.afterReload || this.held === this.afterReload) return undefined;
    this.held = this.afterReload;
    return this.held;
  }
}
