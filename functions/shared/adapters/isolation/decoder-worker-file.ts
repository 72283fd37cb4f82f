/**
 * File name of the decoder worker's bundle, beside the function's own bundle in its asset: the
 * function starts it from there, and its construct builds it there.
 */
export const DECODER_WORKER_FILE = 'decoder-worker.mjs';
