/** What one check found: whether all is well, what it saw and, when not, what to do. */
export interface Finding {
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/** One thing `doctor` checks about a deployment. */
export interface Check {
  readonly name: string;
  /** What to do when the check could not run: an error or no answer in time. */
  readonly fixWhenUnchecked: string;
  run(signal: AbortSignal): Promise<Finding>;
}

export const passed = (detail: string): Finding => ({ ok: true, detail });

export const failed = (detail: string, fix: string): Finding => ({ ok: false, detail, fix });

/** The fix when an AWS call of a check fails: `action` is the call as IAM names it. */
export const allowing = (action: string): string => `check the shell's credentials and region, and that they allow ${action}; then run doctor again`;
