/**
 * The delivery-events function's one metric: a forward that will not reach its administrator,
 * whose claim went to the review queue. Named here for the function that publishes it and the
 * stack that alarms on it.
 */
export const UNDELIVERED_FORWARDS_METRIC = 'UndeliveredForwards';
