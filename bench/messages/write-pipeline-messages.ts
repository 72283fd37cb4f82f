import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { progress } from '../lib/scenario-output.ts';
import { messageFileName, PIPELINE_MESSAGES, type PipelineMessageSpec } from './pipeline-messages.ts';

export interface WrittenMessage {
  readonly spec: PipelineMessageSpec;
  readonly file: string;
}

/** Builds every pipeline message once, into `directory`, for the measuring processes to read. */
export async function writePipelineMessages(directory: string): Promise<WrittenMessage[]> {
  const written: WrittenMessage[] = [];
  for (const spec of PIPELINE_MESSAGES) {
    const file = path.join(directory, messageFileName(spec));
    const raw = await spec.build();
    await writeFile(file, raw);
    progress(`${spec.name}: ${raw.length} bytes`);
    written.push({ spec, file });
  }
  return written;
}
