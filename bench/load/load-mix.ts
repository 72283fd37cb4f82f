import type { FaultKind, FaultPlan } from '../../test/support/fault-injection.ts';

/**
 * What one message of the load is:
 * - `claim`: a distinct sample claim (about 20 KB), forwarded and acknowledged;
 * - `large`: a distinct claim padded with a hospital statement to `bytes`;
 * - `duplicate`: the same message a member already sent, re-sent once that one is recorded;
 * - `hostile`: a message of the hostile corpus, each copy sent once the previous copy is recorded;
 * - `faulted`: a distinct sample claim whose AWS calls fail, on its first delivery, as `fault` says.
 */
export type LoadMessagePlan =
  | { readonly kind: 'claim'; readonly index: number }
  | { readonly kind: 'large'; readonly index: number; readonly bytes: number }
  | { readonly kind: 'duplicate'; readonly index: number; readonly of: number }
  | { readonly kind: 'hostile'; readonly index: number; readonly corpusIndex: number; readonly previousCopy?: number }
  | { readonly kind: 'faulted'; readonly index: number; readonly fault: FaultChoice };

/** Where in a claim's AWS calls a fault begins, named by the send it falls around. */
export type FaultAnchor = 'first-call' | 'forward-send' | 'after-forward-send' | 'reply-send' | 'after-reply-send';

export interface FaultChoice {
  readonly kind: FaultKind;
  readonly span: FaultPlan['span'];
  readonly anchor: FaultAnchor;
}

const MEGABYTE = 1_000_000;
/** One message in ten a member re-sends. */
const DUPLICATE_EVERY = { period: 10, offset: 3 } as const;
/** One in twenty from the hostile corpus. */
const HOSTILE_EVERY = { period: 20, offset: 7 } as const;
/** One in twenty with a fault; always a claim of the same sample member (index ≡ 3 mod 4), whose calls were probed. */
const FAULTED_EVERY = { period: 20, offset: 11 } as const;
/** One in ten of about 2 MB, a message with scanned-size documents. */
const TWO_MEGABYTES_EVERY = { period: 10, offset: 5 } as const;
/** One in two hundred of about 12 MB: the largest claims members send, rare. */
const TWELVE_MEGABYTES_EVERY = { period: 200, offset: 19 } as const;
/** The original a duplicate re-sends: the plain claim just before it. */
const DUPLICATE_DISTANCE = 3;

/**
 * The faults the load injects, in turn: throttling the SDK absorbs, a 5xx and a reset connection
 * the queue's redelivery gets past, and answers lost after SES sent or after the ledger's write.
 */
export const FAULT_ROTATION: readonly FaultChoice[] = [
  { kind: 'throttle', span: 'call', anchor: 'forward-send' },
  { kind: 'unavailable', span: 'onward', anchor: 'forward-send' },
  { kind: 'timeout-after', span: 'call', anchor: 'forward-send' },
  { kind: 'timeout-after', span: 'call', anchor: 'after-forward-send' },
  { kind: 'unavailable', span: 'onward', anchor: 'reply-send' },
  { kind: 'timeout-after', span: 'call', anchor: 'reply-send' },
  { kind: 'throttle', span: 'onward', anchor: 'first-call' },
  { kind: 'network', span: 'onward', anchor: 'after-reply-send' },
];

const at = (index: number, every: { readonly period: number; readonly offset: number }) => index % every.period === every.offset;

/** The load's messages, the same for a given count at every run. */
export function planLoad(count: number, hostileCorpusSize: number): LoadMessagePlan[] {
  const lastCopyOf = new Map<number, number>();
  let hostileSent = 0;
  let faultsSent = 0;
  return Array.from({ length: count }, (_, index): LoadMessagePlan => {
    if (at(index, DUPLICATE_EVERY)) return { kind: 'duplicate', index, of: index - DUPLICATE_DISTANCE };
    if (at(index, HOSTILE_EVERY)) {
      const corpusIndex = hostileSent++ % hostileCorpusSize;
      const previousCopy = lastCopyOf.get(corpusIndex);
      lastCopyOf.set(corpusIndex, index);
      return { kind: 'hostile', index, corpusIndex, ...(previousCopy === undefined ? {} : { previousCopy }) };
    }
    if (at(index, FAULTED_EVERY)) return { kind: 'faulted', index, fault: FAULT_ROTATION[faultsSent++ % FAULT_ROTATION.length] as FaultChoice };
    if (at(index, TWELVE_MEGABYTES_EVERY)) return { kind: 'large', index, bytes: 12 * MEGABYTE };
    if (at(index, TWO_MEGABYTES_EVERY)) return { kind: 'large', index, bytes: 2 * MEGABYTE };
    return { kind: 'claim', index };
  });
}
