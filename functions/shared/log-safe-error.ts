/**
 * What of an error may be logged. Most error messages can quote what a sender wrote, so only the
 * class and where it was thrown are kept; errors marked safe (they name fields, never values)
 * keep their message.
 */
export function logSafeError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { name: 'UnknownError' };
  if (error instanceof SafeToLogError) return { name: error.name, message: error.message };
  return { name: error.name, at: error.stack?.split('\n').slice(1, 6).join(' | ').trim() ?? '' };
}

/** An error whose message names fields or states, never data a sender wrote. */
export class SafeToLogError extends Error {}
