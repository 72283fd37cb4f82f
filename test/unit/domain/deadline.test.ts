import { describe, expect, it } from 'vitest';
import { Deadline, DeadlineExceededError } from '../../../functions/shared/domain/deadline.ts';

function manualClock(start = 1_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('Deadline', () => {
  it('counts down the time left and never below zero', () => {
    const { clock, advance } = manualClock();
    const deadline = Deadline.in(5_000, clock);
    expect(deadline.remainingMs()).toBe(5_000);
    advance(1_200);
    expect(deadline.remainingMs()).toBe(3_800);
    expect(deadline.hasPassed()).toBe(false);
    advance(4_000);
    expect(deadline.remainingMs()).toBe(0);
    expect(deadline.hasPassed()).toBe(true);
  });

  it('gives a share that ends at the share or at the deadline, whichever comes first', () => {
    const { clock, advance } = manualClock();
    const deadline = Deadline.in(10_000, clock);
    expect(deadline.within(3_000).remainingMs()).toBe(3_000);
    advance(8_000);
    expect(deadline.within(3_000).remainingMs()).toBe(2_000);
  });

  it('names the work it stopped', () => {
    const { clock, advance } = manualClock();
    const deadline = Deadline.in(100, clock);
    expect(() => deadline.throwIfPassed('OCR')).not.toThrow();
    advance(100);
    expect(() => deadline.throwIfPassed('OCR')).toThrow(new DeadlineExceededError('OCR'));
    expect(() => deadline.throwIfPassed('OCR')).toThrow('OCR stopped: its time ran out');
  });

  it('aborts a signal when it passes', async () => {
    const signal = Deadline.in(20).signal();
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signal.aborted).toBe(true);
  });
});
