import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployedFunctions } from '../../bench/cold-start/deployed-functions.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;
/** Time for npm to read the lock file and plan the install. */
const NPM_TIMEOUT_MS = 60_000;

interface PackageJson {
  readonly dependencies: Readonly<Record<string, string>>;
}

/**
 * CDK installs a function's `nodeModules` beside its bundle with `npm ci`, in a folder holding the
 * project's package-lock.json and a package.json of those modules alone, at the versions the
 * project's package.json gives them (aws-lambda-nodejs Bundling). npm refuses a lock file that
 * does not hold what that package.json needs, e.g. when the project's own `overrides` changed a
 * dependency of theirs: the deployment would fail while every bundle builds.
 */
describe('the modules each function installs beside its bundle', () => {
  const installing = deployedFunctions().filter(({ bundling }) => (bundling.nodeModules ?? []).length > 0);
  let project: PackageJson;
  let directory: string;

  beforeAll(async () => {
    project = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
    directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-installed-modules-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('are installed by the intake alone', () => {
    expect(installing.map(({ name }) => name)).toEqual(['intake']);
  });

  it.each(installing.map(({ name, bundling }) => [name, bundling.nodeModules ?? []] as const))(
    'for %s: exact dependencies of the project, which npm ci installs from its lock file as CDK runs it',
    async (name, modules) => {
      const versions = Object.fromEntries(modules.map((module) => [module, project.dependencies[module]]));
      for (const version of Object.values(versions)) expect(version).toMatch(EXACT_VERSION);
      const folder = path.join(directory, name);
      await mkdir(folder);
      await writeFile(path.join(folder, 'package.json'), JSON.stringify({ dependencies: versions }));
      await copyFile(path.join(PROJECT_ROOT, 'package-lock.json'), path.join(folder, 'package-lock.json'));
      // A plan, from the lock file alone: offline, with an empty cache, it fails on anything the lock lacks.
      const npmCi = promisify(execFile)('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--cache', path.join(folder, 'cache')], {
        cwd: folder,
        timeout: NPM_TIMEOUT_MS,
      });
      await expect(npmCi).resolves.toMatchObject({ stdout: expect.stringMatching(/^added \d+ packages/m) });
    },
  );
});
