import type { Readable } from 'node:stream';
import type { MessageStore } from '../../functions/shared/domain/claim.ts';

export interface StoredObject {
  readonly content: Buffer;
  readonly contentType: string;
}

/** The documents folder of the claims bucket held in memory, keyed as in S3. */
export class InMemoryMessageStore implements MessageStore {
  readonly documents = new Map<string, StoredObject>();

  async openRaw(bucket: string, key: string): Promise<Readable> {
    throw new Error(`raw messages are not kept in memory (${bucket}/${key})`);
  }

  async putDocument(key: string, content: Buffer, contentType: string): Promise<void> {
    this.documents.set(key, { content, contentType });
  }
}
