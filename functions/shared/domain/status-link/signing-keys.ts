/**
 * The versions of the secret that signs status links. Links are signed with the current version
 * and verified with the current or the previous one: after a rotation, the links already in
 * members' mailboxes keep working until the next rotation.
 */
export interface SigningKeys {
  readonly current: Buffer;
  readonly previous?: Buffer;
}

/** Where the signing keys come from; AWS Secrets Manager when deployed. */
export interface SigningKeySource {
  /** The keys, possibly as loaded a few minutes ago. */
  keys(): Promise<SigningKeys>;
  /**
   * The keys loaded again, or undefined when they were loaded too recently to be reloaded: a link
   * signed with a version this environment has not seen yet (a rotation minutes ago) verifies
   * after one reload, and tokens that match no key cannot make every request call the source.
   */
  reload(): Promise<SigningKeys | undefined>;
}
