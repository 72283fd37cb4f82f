import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HOSTILE_MESSAGES } from '../../test/fixtures/hostile/hostile-messages.ts';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { distinctSampleClaims, type SampleClaim } from '../messages/e2e-claims.ts';
import { LARGE_CLAIM_SENDER, LargeClaims } from './large-claims.ts';
import type { LoadMessagePlan } from './load-mix.ts';

export interface LoadMessage {
  readonly plan: LoadMessagePlan;
  /** SMTP MAIL FROM. */
  readonly from: string;
  readonly raw: Buffer;
  /** A message sent only once this earlier one is recorded: the original of a duplicate, the previous copy of a hostile message. */
  readonly after?: number;
}

const HOSTILE_DIRECTORY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'hostile', 'messages');
/** The envelope sender of a hostile message with no usable From: somebody who is no member. */
const UNKNOWN_SENDER = 'someone@example.net';
/**
 * Sample claims are numbered from here: the first of each member's invoices (number 0) is the
 * invoice itself, which the hostile corpus attaches too. A multiple of 4 keeps each number's member.
 */
const FIRST_SAMPLE_NUMBER = 4;

export const HOSTILE_CORPUS_SIZE = HOSTILE_MESSAGES.length;

/** The bytes of every planned message, and the sample claim of the probe, numbered past them. */
export async function buildLoadMessages(plans: readonly LoadMessagePlan[]): Promise<{ messages: LoadMessage[]; probe: SampleClaim }> {
  const samples = await distinctSampleClaims(FIRST_SAMPLE_NUMBER, probeNumber(plans.length) + 1);
  const sample = (index: number): SampleClaim => {
    const claim = samples[index];
    if (!claim) throw new Error(`no sample claim ${index}`);
    return claim;
  };
  const hostile = await Promise.all(HOSTILE_MESSAGES.map(async (message) => (message.generatedAtTestTime ? message.build() : readFile(path.join(HOSTILE_DIRECTORY, message.name)))));
  const large = new LargeClaims();
  const messages: LoadMessage[] = [];
  for (const plan of plans) {
    switch (plan.kind) {
      case 'claim':
      case 'faulted':
        messages.push({ plan, ...sample(plan.index) });
        break;
      case 'duplicate':
        messages.push({ plan, ...sample(plan.of), after: plan.of });
        break;
      case 'large':
        messages.push({ plan, from: LARGE_CLAIM_SENDER, raw: await large.build(plan.index, plan.bytes) });
        break;
      case 'hostile':
        messages.push({ plan, from: senderOf(hostile[plan.corpusIndex]), raw: hostile[plan.corpusIndex] as Buffer, ...(plan.previousCopy === undefined ? {} : { after: plan.previousCopy }) });
        break;
    }
  }
  return { messages, probe: sample(probeNumber(plans.length)) };
}

/** A claim of the faulted messages' sample member (indexes ≡ 3 mod 4) that no planned message uses. */
function probeNumber(count: number): number {
  return count - (count % 4) + 7;
}

/** The address in the message's From header, as a mail client would give it in MAIL FROM. */
function senderOf(raw: Buffer | undefined): string {
  const from = /^From:[^\r\n]*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/im.exec(raw?.subarray(0, 64 * 1024).toString('latin1') ?? '');
  return from?.[1] ?? UNKNOWN_SENDER;
}
