/**
 * The status page's one metric, counted by the request's outcome (`found`, or why the page was
 * not found). Named here for the function that publishes it and the stack that alarms on it.
 */
export const STATUS_PAGE_REQUESTS_METRIC = 'StatusPageRequests';

/** The outcome of a link whose signature matches no key: someone altered a link or guesses at them. */
export const FORGED_LINK_OUTCOME = 'forged';
