import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import { keepDeadLetter, localDeadLetterDirectory, readDeadLetters, type LocalDeadLetter } from '../../bin/local/local-dead-letters.ts';
import { localStackOf, writeLocalStackFile } from '../../bin/local/local-stack-file.ts';
import type { DeliveryResult } from '../../bin/local/ses-receiving.ts';
import { MAX_RECEIVE_COUNT } from '../../lib/redrive.ts';
import { fixture, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { smtpTo, startReceivingInto } from '../support/local-receiving.ts';
import { runClaimsIntake } from '../support/run-claims-intake.ts';

/** Each run starts Node and compiles the command, and a replay loads the intake: seconds, more on a busy machine. */
const COMMAND_TIMEOUT_MS = 120_000;

let harness: IntakeHarness;
let directory: string;
let stackFile: string;
let deadLetters: string;
let letter: LocalDeadLetter;
let result: DeliveryResult;

beforeAll(async () => {
  harness = await startIntakeHarness();
  directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-cli-dlq-'));
  stackFile = path.join(directory, 'local-stack.json');
  deadLetters = localDeadLetterDirectory(stackFile);
  await writeLocalStackFile(localStackOf(harness.aws, harness.statusPage.url), stackFile);
  // The intake fails every delivery, as it would with its table unreachable: the message ends in the dead-letter list.
  const receiving = await startReceivingInto(harness, {
    deliver: async () => {
      throw new Error('the claims table is unreachable');
    },
    deadLetterDirectory: deadLetters,
    onProcessed: (processed) => void (result = processed),
  });
  const transport = smtpTo(receiving);
  await transport.sendMail({ envelope: { from: 'john.carter@example.com', to: `claims@${LOCAL_CLAIMS_DOMAIN}` }, raw: await fixture('claims/en-boston-bill.eml') });
  transport.close();
  await receiving.close();
  [letter] = (await readDeadLetters(deadLetters)) as [LocalDeadLetter];
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const claimsIntake = (...args: string[]) => runClaimsIntake({ env: { CLAIMS_INTAKE_LOCAL_STACK_FILE: stackFile } }, ...args);

describe('the local dead-letter list from the CLI', { timeout: COMMAND_TIMEOUT_MS }, () => {
  it('keeps the message that failed every delivery whole, as the dead-letter queue keeps it', async () => {
    expect(result).toMatchObject({ attempts: MAX_RECEIVE_COUNT, failed: true });
    expect(await readdir(deadLetters)).toEqual([`${letter.id}.json`]);
    expect(letter).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), body: expect.any(String), sentAt: expect.any(String), receiveCount: MAX_RECEIVE_COUNT });
    expect(JSON.parse(JSON.parse(letter.body).Message).mail.messageId).toBe(result.sesMessageId);
  });

  it('lists it: when, which raw message, and that no claim was recorded', async () => {
    expect(await claimsIntake('dlq', 'list', '--local')).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        `${letter.id}  sent ${letter.sentAt}  received ${MAX_RECEIVE_COUNT} times`,
        `  message: ${result.sesMessageId}  raw: s3://${harness.aws.resources.bucket}/${result.objectKey}`,
        '  error:   no claim was recorded: the intake failed before recording it (its log, by SES message id, says why)',
        '',
      ].join('\n'),
    });
  });

  it('says in one line that an id is not in the list, and replays nothing', async () => {
    expect(await claimsIntake('dlq', 'replay', '00000000-0000-0000-0000-000000000000', '--local')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'claims-intake: no message 00000000-0000-0000-0000-000000000000 in the local dead-letter list (dlq list --local shows their ids)\n',
    });
    expect(await readDeadLetters(deadLetters)).toEqual([letter]);
  });

  it('replays it through the local intake: the claim is recorded, forwarded and acknowledged once, and the list is empty; replayed again, nothing changes', async () => {
    await harness.aws.outbox.clear();

    expect(await claimsIntake('dlq', 'replay', letter.id, '--local')).toEqual({ exitCode: 0, stdout: `replayed ${letter.id}\n`, stderr: '' });

    const claim = await harness.claims.findByMessageId(result.sesMessageId);
    expect(claim).toMatchObject({ status: 'FORWARDED', route: 'CIGNA_US', memberId: '20481632' });
    expect(await readDeadLetters(deadLetters)).toEqual([]);
    expect((await claimsIntake('dlq', 'list', '--local')).stdout).toBe('The dead-letter queue is empty.\n');
    const sent = (await harness.aws.outbox.list()).map((email) => email.messageId).sort();
    expect(sent).toEqual([claim!.forward!.messageId, claim!.acknowledgement!.messageId].sort());

    // The same message back in the list, as a redrive of a message already processed would leave it.
    await keepDeadLetter(deadLetters, letter);
    expect(await claimsIntake('dlq', 'replay', '--all', '--local')).toEqual({ exitCode: 0, stdout: `replayed ${letter.id}\n`, stderr: '' });
    expect(await harness.claims.findByMessageId(result.sesMessageId)).toEqual(claim);
    expect((await harness.aws.outbox.list()).map((email) => email.messageId).sort()).toEqual(sent);
  });
});
