import { startFunctionUrlServer, type FunctionUrlServer } from './function-url-server.ts';

/**
 * The status page function behind a local stand-in for its function URL. The handler reads its
 * configuration when loaded, as on Lambda: the environment must already point at the emulators.
 */
export async function startLocalStatusPage(port: number): Promise<FunctionUrlServer> {
  const { handler } = await import('../../functions/status-page/handler.ts');
  return startFunctionUrlServer({ port, handler });
}
