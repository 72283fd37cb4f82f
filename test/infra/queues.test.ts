import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationQueue } from '../../lib/constructs/notification-queue.ts';
import { arnOf, logicalId, refOf, synthStack, type SynthesizedStack } from './synth-stack.ts';

const FOURTEEN_DAYS = 14 * 24 * 3600;

describe.each([
  { name: 'intake', pick: (s: SynthesizedStack['stack']) => ({ queue: s.intakeQueue, consumer: s.intake.function }), batchSize: 5, maxConcurrency: 7, functionTimeout: 337 },
  { name: 'delivery events', pick: (s: SynthesizedStack['stack']) => ({ queue: s.deliveryEventsQueue, consumer: s.deliveryEvents.function }), batchSize: 10, maxConcurrency: 2, functionTimeout: 30 },
])('$name queue', ({ pick, batchSize, maxConcurrency, functionTimeout }) => {
  let synthesized: SynthesizedStack;
  let queue: NotificationQueue;
  let consumer: IFunction;
  beforeAll(() => {
    synthesized = synthStack({ intakeConcurrency: '7' });
    ({ queue, consumer } = pick(synthesized.stack));
  });

  it('subscribes the queue to the topic with the SNS envelope kept, and sends undeliverable messages to the dead-letter queue', () => {
    synthesized.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      TopicArn: refOf(queue.topic),
      Endpoint: arnOf(queue.queue),
      RawMessageDelivery: false,
      RedrivePolicy: { deadLetterTargetArn: arnOf(queue.deadLetterQueue) },
    });
  });

  it('moves a message to the dead-letter queue after 5 deliveries, and hides it six times the function timeout', () => {
    const { template } = synthesized;
    expect(template.toJSON().Resources[logicalId(consumer)].Properties.Timeout).toBe(functionTimeout);
    expect(template.toJSON().Resources[logicalId(queue.queue)].Properties).toEqual({
      KmsMasterKeyId: arnOf(synthesized.stack.keys.data),
      MessageRetentionPeriod: FOURTEEN_DAYS,
      VisibilityTimeout: functionTimeout * 6,
      RedrivePolicy: { deadLetterTargetArn: arnOf(queue.deadLetterQueue), maxReceiveCount: 5 },
    });
    expect(template.toJSON().Resources[logicalId(queue.deadLetterQueue)].Properties).toEqual({
      KmsMasterKeyId: arnOf(synthesized.stack.keys.data),
      MessageRetentionPeriod: FOURTEEN_DAYS,
    });
  });

  it('lets only its own topic send to the queue and its dead-letter queue', () => {
    for (const target of [queue.queue, queue.deadLetterQueue]) {
      synthesized.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [refOf(target)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: arnOf(target),
              Condition: { ArnEquals: { 'aws:SourceArn': refOf(queue.topic) } },
            },
          ]),
        },
      });
    }
  });

  it('feeds the function in batches whose failures are reported one by one, with a maximum concurrency', () => {
    synthesized.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf(queue.queue),
      FunctionName: refOf(consumer),
      BatchSize: batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: maxConcurrency },
    });
  });
});
