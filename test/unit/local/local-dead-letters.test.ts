import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepDeadLetter, localDeadLetterDirectory, readDeadLetters, removeDeadLetter } from '../../../bin/local/local-dead-letters.ts';

let directory: string;

beforeEach(async () => {
  directory = path.join(await mkdtemp(path.join(tmpdir(), 'claims-intake-dead-letters-')), 'dead-letters');
});

afterEach(async () => {
  await rm(path.dirname(directory), { recursive: true, force: true });
});

const letter = (id: string, sentAt: string) => ({ id, body: `{"Type":"Notification","MessageId":"${id}"}`, sentAt, receiveCount: 5 });
const FIRST = letter('4b3c2a10-7f1e-4d2b-9a55-0c1e2f3a4b5c', '2026-12-07T18:00:00.000Z');
const SECOND = letter('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '2026-12-07T18:05:00.000Z');

describe('the local dead-letter list', () => {
  it('lives beside the local stack file', () => {
    expect(localDeadLetterDirectory('/work/project/.claims-intake/local-stack.json')).toBe('/work/project/.claims-intake/dead-letters');
  });

  it('is empty before npm start kept anything', async () => {
    expect(await readDeadLetters(directory)).toEqual([]);
  });

  it('keeps each message whole in a file of its own, lists them oldest first, and removes one by id', async () => {
    await keepDeadLetter(directory, SECOND);
    await keepDeadLetter(directory, FIRST);

    expect(await readDeadLetters(directory)).toEqual([FIRST, SECOND]);
    expect((await readdir(directory)).sort()).toEqual([`${SECOND.id}.json`, `${FIRST.id}.json`]);

    await removeDeadLetter(directory, FIRST.id);
    expect(await readDeadLetters(directory)).toEqual([SECOND]);
  });

  it('takes only a queue message id as a file name', async () => {
    await expect(keepDeadLetter(directory, { ...FIRST, id: '../../local-stack' })).rejects.toThrow('not a queue message id: ../../local-stack');
    await expect(removeDeadLetter(directory, '../local-stack.json')).rejects.toThrow('not a queue message id: ../local-stack.json');
  });
});
