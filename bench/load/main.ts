/**
 * `npm run load`: 1,000 claims over SMTP into the local stack, 16 in flight, with duplicates,
 * hostile messages and faults among them; writes bench/load-results.json and fails unless nothing
 * was lost and nothing sent twice.
 *
 *   npm run load -- [--claims 1000] [--concurrency 16]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../lib/project-root.ts';
import { progress } from '../lib/scenario-output.ts';
import { runLoad } from './run-load.ts';

const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'load-results.json');

const { values: options } = parseArgs({ options: { claims: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '16' } } });
const { result, outcomes, redelivered, problems } = await runLoad({ claims: Number(options.claims), concurrency: Number(options.concurrency), onProgress: progress });

await writeFile(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
progress(`outcomes: ${JSON.stringify(outcomes)}; ${redelivered} messages delivered more than once`);
process.stdout.write(`${JSON.stringify(result)}\n`);
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`load failed: ${problem}\n`);
  process.exitCode = 1;
}
