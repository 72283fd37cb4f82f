import { createRequire } from 'node:module';
import type sesEmulatorModule from 'aws-ses-v2-local';
import { closeHttpServer, listeningPort, LOOPBACK, loopbackEndpoint, type LocalService } from './local-service.ts';
import { sesOutbox, type SesOutbox } from './ses-outbox.ts';

// Loaded with require: an ESM import of this CommonJS package puts the server under `default` in
// Node but not under vitest's interop, and the two must both work.
const { default: startSesEmulator } = createRequire(import.meta.url)('aws-ses-v2-local') as typeof sesEmulatorModule;

export interface LocalSes extends LocalService {
  readonly outbox: SesOutbox;
}

/** aws-ses-v2-local (SES v1 and v2 APIs) on a free port of 127.0.0.1, with an empty outbox. */
export async function startLocalSes(): Promise<LocalSes> {
  const server = await startSesEmulator({ host: LOOPBACK, port: 0 });
  const endpoint = loopbackEndpoint(listeningPort(server));
  const outbox = sesOutbox(endpoint);
  try {
    // The emulator keeps sent mail in module state shared by every server of this process: a
    // second start would otherwise show the first one's mail.
    await outbox.clear();
  } catch (error) {
    await closeHttpServer(server);
    throw error;
  }
  return { endpoint, outbox, stop: () => closeHttpServer(server) };
}
