import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { DeadlineExceededError, type Deadline } from '../../functions/shared/domain/deadline.ts';
import { handleQueueBatch, type QueueBatchTiming } from '../../functions/shared/queue-batch.ts';

const batch = (...ids: string[]): SQSEvent => ({
  Records: ids.map((id) => ({
    messageId: id,
    receiptHandle: `handle-${id}`,
    body: `body-${id}`,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:intake',
    awsRegion: 'eu-west-1',
  })),
});

/** A clock the records move forward: each takes the time the test gives it. */
function simulatedTime(timing: Omit<QueueBatchTiming, 'clock'>, durations: Record<string, number>, failures: Record<string, Error> = {}) {
  let now = 0;
  const started: { body: string; remainingMs: number }[] = [];
  const logger = new Logger({ serviceName: 'queue-batch-test', logLevel: 'SILENT' });
  const warn = vi.spyOn(logger, 'warn');
  const error = vi.spyOn(logger, 'error');
  const handleBody = async (body: string, deadline: Deadline) => {
    started.push({ body, remainingMs: deadline.remainingMs() });
    now += durations[body] ?? 0;
    const failure = failures[body];
    if (failure) throw failure;
  };
  const run = (event: SQSEvent) => handleQueueBatch(event, logger, { ...timing, clock: () => now }, handleBody);
  return { run, started, warn, error };
}

// 60 s left, 12 s kept back: the records' deadline is 48 s away; none starts with less than 15 s.
const TIMING = { remainingTimeMs: 60_000, reserveMs: 12_000, startMarginMs: 15_000 };

describe('handleQueueBatch', () => {
  it('runs every record of a batch that fits, each with the deadline of what is left, and reports none', async () => {
    const { run, started } = simulatedTime(TIMING, { 'body-a': 5_000, 'body-b': 5_000, 'body-c': 5_000 });

    expect(await run(batch('a', 'b', 'c'))).toEqual({ batchItemFailures: [] });
    expect(started).toEqual([
      { body: 'body-a', remainingMs: 48_000 },
      { body: 'body-b', remainingMs: 43_000 },
      { body: 'body-c', remainingMs: 38_000 },
    ]);
  });

  it('returns the records there is no time left to start, unstarted, and not the ones that finished', async () => {
    const { run, started, warn } = simulatedTime(TIMING, { 'body-a': 20_000, 'body-b': 20_000 });

    const response = await run(batch('a', 'b', 'c', 'd'));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'c' }, { itemIdentifier: 'd' }] });
    expect(started.map(({ body }) => body)).toEqual(['body-a', 'body-b']);
    expect(warn.mock.calls).toEqual([['queue messages returned unstarted: too little time left', { queueMessageIds: ['c', 'd'], remainingMs: 8_000 }]]);
  });

  it('reports a record whose deadline passed while it ran, and returns the rest unstarted', async () => {
    const { run, started, error } = simulatedTime(TIMING, { 'body-a': 10_000, 'body-b': 38_000 }, { 'body-b': new DeadlineExceededError('forwarding the claim') });

    const response = await run(batch('a', 'b', 'c'));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] });
    expect(started.map(({ body }) => body)).toEqual(['body-a', 'body-b']);
    expect(error.mock.calls).toEqual([
      ['queue message failed', { queueMessageId: 'b', error: { name: 'DeadlineExceededError', at: expect.stringContaining('queue-batch.test.ts') } }],
    ]);
  });

  it('reports a failed record alone and goes on with the next', async () => {
    const { run, started } = simulatedTime(TIMING, {}, { 'body-a': new Error('throttled') });

    expect(await run(batch('a', 'b'))).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(started.map(({ body }) => body)).toEqual(['body-a', 'body-b']);
  });

  it('starts nothing when the batch arrives with too little time left, and reports every record', async () => {
    const { run, started } = simulatedTime({ ...TIMING, remainingTimeMs: 26_000 }, {});

    expect(await run(batch('a', 'b'))).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }] });
    expect(started).toEqual([]);
  });
});
