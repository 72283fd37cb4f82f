import { Readable } from 'node:stream';
import type { MessageStore } from '../domain/claim.ts';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Raw messages SES wrote and the documents the intake extracted from them. */
export class S3MessageStore implements MessageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async openRaw(bucket: string, key: string): Promise<Readable> {
    const response = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!(response.Body instanceof Readable)) throw new Error(`No readable body for s3://${bucket}/${key}`);
    return response.Body;
  }

  async putDocument(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }));
  }
}
