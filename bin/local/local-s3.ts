import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { LOOPBACK, loopbackEndpoint, type LocalService } from './local-service.ts';
import { onParentExit } from './parent-exit-guard.ts';

/** s3rver on a free port of 127.0.0.1, storing objects in a fresh temporary folder removed on stop. */
export async function startLocalS3(): Promise<LocalService> {
  const directory = await mkdtemp(join(tmpdir(), 'claims-intake-s3-'));
  const release = onParentExit(() => rmSync(directory, { recursive: true, force: true }));
  const removeDirectory = async () => {
    await rm(directory, { recursive: true, force: true });
    release();
  };
  const s3rver = new S3rver({ address: LOOPBACK, port: 0, directory, silent: true });
  try {
    const { port } = await s3rver.run();
    return {
      endpoint: loopbackEndpoint(port),
      stop: async () => {
        try {
          await s3rver.close();
        } finally {
          await removeDirectory();
        }
      },
    };
  } catch (error) {
    await removeDirectory();
    throw error;
  }
}
