/** A mistake in how the command was called or what it was given: one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file cannot be read: one line, exit code 2, no usage text. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
