/**
 * The time a piece of work must end by. A claim's deadline comes from the function's remaining
 * time; each step takes a share of what is left (`within`), never more, so a claim that cannot
 * finish stops before the function's timeout instead of taking its batch down with it.
 */
export class Deadline {
  private constructor(
    private readonly endsAt: number,
    private readonly clock: () => number,
  ) {}

  /** A deadline `milliseconds` from now. */
  static in(milliseconds: number, clock: () => number = () => performance.now()): Deadline {
    return new Deadline(clock() + Math.max(0, milliseconds), clock);
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock());
  }

  hasPassed(): boolean {
    return this.remainingMs() === 0;
  }

  /** A share of this deadline: `milliseconds` from now, or this deadline if it comes first. */
  within(milliseconds: number): Deadline {
    return new Deadline(Math.min(this.endsAt, this.clock() + Math.max(0, milliseconds)), this.clock);
  }

  /** Aborts when the deadline passes: for work that takes an AbortSignal. */
  signal(): AbortSignal {
    return AbortSignal.timeout(Math.ceil(this.remainingMs()));
  }

  /** Throws `DeadlineExceededError` once the deadline has passed, naming the work stopped. */
  throwIfPassed(work: string): void {
    if (this.hasPassed()) throw new DeadlineExceededError(work);
  }
}

/** Work stopped because its time ran out: transient, since the next try starts with a full budget. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';

  constructor(readonly work: string) {
    super(`${work} stopped: its time ran out`);
  }
}
