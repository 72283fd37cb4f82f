import { Duration, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VISIBILITY_TIMEOUT_FACTOR } from '../intake-timing.ts';
import { MAX_RECEIVE_COUNT } from '../redrive.ts';
import type { ProjectFunction } from './project-function.ts';

/** The longest SQS keeps a message: a notification survives a two-week outage of its consumer. */
const MESSAGE_RETENTION = Duration.days(14);

export interface NotificationQueueProps {
  /** Customer managed key the topic is encrypted with. */
  readonly topicEncryptionKey: IKey;
  /** Customer managed key the queue and its dead-letter queue are encrypted with; not the topic's. */
  readonly queueEncryptionKey: IKey;
  /** Function the queue's messages are delivered to; the visibility timeout derives from its timeout. */
  readonly consumer: ProjectFunction;
  /** Messages handed to one invocation; the consumer reports which of them failed. */
  readonly batchSize: number;
  /** Invocations running at once (2 to 1000). */
  readonly maxConcurrency: number;
  /**
   * Deliveries of a message before it is moved to the dead-letter queue.
   * @default MAX_RECEIVE_COUNT (5)
   */
  readonly maxReceiveCount?: number;
}

/**
 * An encrypted SNS topic feeding an encrypted SQS queue with a dead-letter queue, consumed by a
 * function that reports partial batch failures. The SNS envelope is kept (no raw delivery): the
 * consumer reads the notification from its `Message`. Messages SNS cannot deliver to the queue go
 * to the same dead-letter queue, so that one redrive recovers both.
 */
export class NotificationQueue extends Construct {
  readonly topic: Topic;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly maxReceiveCount: number;

  constructor(scope: Construct, id: string, props: NotificationQueueProps) {
    super(scope, id);
    this.maxReceiveCount = props.maxReceiveCount ?? MAX_RECEIVE_COUNT;
    const encryption = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.queueEncryptionKey,
      enforceSSL: true,
      retentionPeriod: MESSAGE_RETENTION,
    };

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', encryption);
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This is the dead-letter queue itself: its messages wait, under an alarm, for operations to redrive them.',
    });
    this.queue = new Queue(this, 'Queue', {
      ...encryption,
      visibilityTimeout: Duration.seconds(props.consumer.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: this.maxReceiveCount },
    });

    this.topic = new Topic(this, 'Topic', { masterKey: props.topicEncryptionKey, enforceSSL: true });
    this.topic.addSubscription(
      new SqsSubscription(this.queue, { rawMessageDelivery: false, deadLetterQueue: this.deadLetterQueue }),
    );

    props.consumer.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize,
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    const failuresGoToTheQueue = 'Invoked by the SQS event source, never asynchronously: a failed message returns to the queue and moves to its dead-letter queue after maxReceiveCount deliveries.';
    Validations.of(props.consumer.function).acknowledge(
      { id: 'HIPAA.Security-LambdaDLQ', reason: failuresGoToTheQueue },
      { id: 'Serverless-LambdaDLQ', reason: failuresGoToTheQueue },
      {
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason: 'SQS event sources take no on-failure destination; the queue\'s redrive policy sends failures to its dead-letter queue.',
      },
      {
        id: 'HIPAA.Security-LambdaConcurrency',
        reason: 'Concurrency is capped by the event source\'s maximum concurrency, which takes nothing from the account\'s unreserved pool (a reservation fails on accounts with the default quota).',
      },
    );
  }
}
