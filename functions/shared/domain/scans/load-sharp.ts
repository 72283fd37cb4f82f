import type sharpModule from 'sharp';

export type SharpFactory = typeof sharpModule;

let loading: Promise<SharpFactory> | undefined;

/**
 * sharp (libvips, native) is loaded on the first scan, not when the function starts: claims with
 * text layers never pay for it. libvips's cache of decoded images is off: each file is decoded
 * once, and a cache would keep an untrusted file's pixels after its decoding.
 */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loading;
}
