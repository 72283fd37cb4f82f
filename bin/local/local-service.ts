import type { Server } from 'node:http';

/** Every emulator listens on the loopback interface only: nothing local is reachable from the network. */
export const LOOPBACK = '127.0.0.1';

/** One running emulator. */
export interface LocalService {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export function loopbackEndpoint(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}

export function listeningPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The server is not listening on a TCP port.');
  }
  return address.port;
}

/** Closes the server including its idle keep-alive connections, which would otherwise hold it open. */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
