import type { Readable } from 'node:stream';
import { messageStream } from '../../functions/shared/pipeline/parse-message.ts';
import { InMemoryMessageStore } from '../../test/support/in-memory-message-store.ts';

/**
 * The test store of extracted documents, holding received raw messages too, as the claims bucket
 * does. A raw message is handed out once and forgotten, as a body read from S3 belongs to the one
 * claim that fetched it: once parsed it is garbage, so the memory peak is the claim's own.
 */
export class RawMessageStore extends InMemoryMessageStore {
  private readonly rawMessages = new Map<string, Buffer>();

  putRaw(bucket: string, key: string, raw: Buffer): void {
    this.rawMessages.set(objectPath(bucket, key), raw);
  }

  override async openRaw(bucket: string, key: string): Promise<Readable> {
    const path = objectPath(bucket, key);
    const raw = this.rawMessages.get(path);
    if (raw === undefined) throw new Error(`No object ${path}`);
    this.rawMessages.delete(path);
    return messageStream(raw);
  }
}

const objectPath = (bucket: string, key: string) => `s3://${bucket}/${key}`;
