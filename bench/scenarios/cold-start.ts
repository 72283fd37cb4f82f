/**
 * Cold start of the deployed functions: each handler bundled by esbuild with the bundling options
 * the stack deploys it with (read from its construct), then imported in fresh Node processes with
 * the environment the stack gives it. The bundle's metafile tells which heavy modules load at start.
 * Beside each, its floor: what its own code uses from outside the project, bundled the same way
 * and imported alone (bench/cold-start/libraries-entry.ts).
 *
 *   node --import tsx bench/scenarios/cold-start.ts
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { bundleContents } from '../cold-start/bundle-contents.ts';
import { esbuildOptionsOf } from '../cold-start/cdk-esbuild-options.ts';
import { deployedFunctions, type DeployedFunction } from '../cold-start/deployed-functions.ts';
import { librariesEntry } from '../cold-start/libraries-entry.ts';
import { PROJECT_ROOT, QUIET_SDK_ENVIRONMENT } from '../lib/project-root.ts';
import { progress, reportResult } from '../lib/scenario-output.ts';
import { median, round } from '../lib/stats.ts';
import type { ColdStartMeasurement } from '../results.ts';

/** Fresh processes per function: the machine is shared, so a median of several. */
const IMPORT_RUNS = 10;
/** What Lambda itself sets in every function's environment, beside what the stack gives it. */
const LAMBDA_RUNTIME_ENVIRONMENT = { AWS_REGION: 'eu-west-1', LANG: 'en_US.UTF-8', TZ: ':UTC' } as const;
/**
 * Times the import alone, starting Node being the same for every function; the handler module is
 * imported as Lambda does, so whatever it loads at module scope is counted.
 */
const IMPORT_SCRIPT = [
  'const started = performance.now();',
  'await import(process.env.BENCH_BUNDLE_URL);',
  'process.stdout.write(String(performance.now() - started));',
].join('\n');

const execFileAsync = promisify(execFile);

async function importMilliseconds(bundleFile: string, deployed: DeployedFunction): Promise<number> {
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      ...LAMBDA_RUNTIME_ENVIRONMENT,
      ...QUIET_SDK_ENVIRONMENT,
      ...deployed.environment,
      BENCH_BUNDLE_URL: pathToFileURL(bundleFile).href,
    },
  });
  return Number(stdout);
}

/** Bundles `entry` with the function's options into `directory`, the packages CDK installs beside it found where Node looks for them. */
async function bundle(entry: string, deployed: DeployedFunction, directory: string) {
  await mkdir(directory, { recursive: true });
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  const options = esbuildOptionsOf(entry, deployed.bundling, directory);
  // The metafile names inputs from the working directory, as the packages are named below.
  const { metafile } = await build({ ...options, absWorkingDir: PROJECT_ROOT });
  return { options, metafile };
}

async function measure(deployed: DeployedFunction, directory: string): Promise<ColdStartMeasurement> {
  const { options, metafile } = await bundle(deployed.entry, deployed, directory);
  const librariesDirectory = path.join(directory, 'libraries');
  const librariesFile = path.join(librariesDirectory, 'entry.mjs');
  await mkdir(librariesDirectory);
  await writeFile(librariesFile, await librariesEntry({ ...options, absWorkingDir: PROJECT_ROOT }));
  const libraries = await bundle(librariesFile, deployed, librariesDirectory);
  const importMs: number[] = [];
  const librariesImportMs: number[] = [];
  // In turns, so that both see the shared machine in the same states.
  for (let run = 0; run < IMPORT_RUNS; run += 1) {
    importMs.push(await importMilliseconds(options.outfile, deployed));
    librariesImportMs.push(await importMilliseconds(libraries.options.outfile, deployed));
  }
  const measurement: ColdStartMeasurement = {
    function: deployed.name,
    bundleBytes: (await stat(options.outfile)).size,
    importMedianMs: round(median(importMs)),
    librariesBundleBytes: (await stat(libraries.options.outfile)).size,
    librariesImportMedianMs: round(median(librariesImportMs)),
    ...bundleContents(metafile, path.relative(PROJECT_ROOT, options.outfile)),
  };
  progress(`${deployed.name}: ${measurement.bundleBytes} bytes, import ${measurement.importMedianMs} ms (its libraries alone ${measurement.librariesImportMedianMs} ms)`);
  return measurement;
}

const directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-cold-start-'));
try {
  const measurements: ColdStartMeasurement[] = [];
  for (const deployed of deployedFunctions()) measurements.push(await measure(deployed, path.join(directory, deployed.name)));
  reportResult('coldStart', measurements);
} finally {
  await rm(directory, { recursive: true, force: true });
}
