/** A mistake in how the command was called or what it was given: one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file cannot be read: one line, exit code 2, no usage text. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** What the command was asked to do is refused by the state of what it acts on (a claim decided already): one line, exit code 3. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}
