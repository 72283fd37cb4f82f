import { createServer } from 'node:net';

/**
 * A TCP port free on every IPv4 interface at the time of the call, for a server that cannot pick
 * its own (DynamoDB Local binds all interfaces, so the probe does too). Another process may take
 * it before the caller binds it: callers retry on "address in use".
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '0.0.0.0', () => {
      const address = probe.address();
      probe.close(() => {
        if (address === null || typeof address === 'string') {
          reject(new Error('The port probe is not listening on a TCP port.'));
        } else {
          resolve(address.port);
        }
      });
    });
  });
}
