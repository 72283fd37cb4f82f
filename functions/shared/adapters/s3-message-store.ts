import type { MessageStore } from '../domain/claim.ts';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Raw messages SES wrote and the documents the intake extracted from them. */
export class S3MessageStore implements MessageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async getRaw(bucket: string, key: string): Promise<Buffer> {
    const response = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error(`Empty object s3://${bucket}/${key}`);
    const bytes = await response.Body.transformToByteArray();
    // A view, not a copy: messages reach 40 MB and the function holds several forms of them.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async putDocument(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }));
  }
}
