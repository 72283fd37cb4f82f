import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { documentFilename } from '../../functions/shared/domain/documents/filename.ts';
import { InputError } from './usage-error.ts';

export interface SavedDocument {
  readonly file: string;
  readonly s3Key: string;
  readonly size: number;
}

/**
 * Downloads a claim's documents into `directory`, each under its recorded name made safe again
 * (claims recorded before names were made safe hold them as sent); two of one name are told
 * apart by their position. A file already there is never written over.
 */
export async function saveClaimDocuments(s3: S3Client, bucket: string, claim: ClaimRecord, directory: string): Promise<SavedDocument[]> {
  await mkdir(directory, { recursive: true });
  const used = new Set<string>();
  const saved: SavedDocument[] = [];
  for (const [index, document] of claim.documents.entries()) {
    const position = index + 1;
    const name = documentFilename(document.filename, document.type, position);
    const unique = used.has(name.toLowerCase()) ? `${position}-${name}` : name;
    used.add(unique.toLowerCase());
    const file = path.join(directory, unique);
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: document.s3Key }));
    if (!Body) throw new Error(`s3://${bucket}/${document.s3Key} has no body`);
    await pipeline(Body as Readable, createWriteStream(file, { flags: 'wx', mode: 0o600 })).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(`${file} exists already: choose an empty --out directory`);
      throw error;
    });
    saved.push({ file, s3Key: document.s3Key, size: document.size });
  }
  return saved;
}
