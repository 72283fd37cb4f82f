import { createRequire } from 'node:module';

/**
 * Node's own require, which esbuild leaves to run: it loads what is installed beside a function's
 * bundle (lib/constructs: `nodeModules`) on first use, data and libraries a cold start need not
 * parse. `require('<package>')` in the source would be bundled instead, or led to a stand-in.
 */
export const requireInstalled = createRequire(import.meta.url);
