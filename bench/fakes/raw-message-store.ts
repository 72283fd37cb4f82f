import { InMemoryMessageStore } from '../../test/support/in-memory-message-store.ts';

/** The test store of extracted documents, holding received raw messages too, as the claims bucket does. */
export class RawMessageStore extends InMemoryMessageStore {
  private readonly rawMessages = new Map<string, Buffer>();

  putRaw(bucket: string, key: string, raw: Buffer): void {
    this.rawMessages.set(objectPath(bucket, key), raw);
  }

  override async getRaw(bucket: string, key: string): Promise<Buffer> {
    const raw = this.rawMessages.get(objectPath(bucket, key));
    if (raw === undefined) throw new Error(`No object ${objectPath(bucket, key)}`);
    return raw;
  }
}

const objectPath = (bucket: string, key: string) => `s3://${bucket}/${key}`;
