/**
 * Deliveries of a queued message before SQS moves it to the dead-letter queue: enough for
 * throttling and brief outages to pass (each retry waits a visibility timeout), few enough that a
 * message that can never succeed raises its alarm within the hour. Numbers only (no CDK), so that
 * the local stack retries as the deployed queues do.
 */
export const MAX_RECEIVE_COUNT = 5;
