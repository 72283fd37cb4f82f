import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptionsOf } from '../../bench/cold-start/cdk-esbuild-options.ts';
import { deployedFunctions } from '../../bench/cold-start/deployed-functions.ts';
import { librariesEntry } from '../../bench/cold-start/libraries-entry.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const isPackageFile = (input: string) => input.includes('node_modules/');

/** The inputs of the bundle's one output. */
function bundledInputs(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs).find(({ entryPoint }) => entryPoint !== undefined);
  return Object.keys(output?.inputs ?? {});
}

/** The project's files the packages reach: the stand-ins the aliases put in their place, and what those import. */
function reachedFromPackages(metafile: Metafile): string[] {
  const reached = new Set<string>();
  const pending = Object.entries(metafile.inputs)
    .filter(([input]) => isPackageFile(input))
    .flatMap(([, { imports }]) => imports.filter(({ path: imported, external }) => !external && !isPackageFile(imported)).map(({ path: imported }) => imported));
  for (let input = pending.pop(); input !== undefined; input = pending.pop()) {
    if (reached.has(input)) continue;
    reached.add(input);
    for (const { path: imported, external } of metafile.inputs[input]?.imports ?? []) if (!external && !isPackageFile(imported)) pending.push(imported);
  }
  return [...reached];
}

describe("each function's libraries alone, the floor of its cold start", () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'claims-intake-libraries-'));
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(deployedFunctions().map((deployed) => [deployed.name, deployed] as const))(
    '%s: bundles the very package code the function bundles, and none of its own',
    async (name, deployed) => {
      const options = { ...esbuildOptionsOf(deployed.entry, deployed.bundling, path.join(directory, name)), write: false, absWorkingDir: PROJECT_ROOT };
      const { metafile } = await build(options);
      const entry = path.join(directory, `${name}-libraries.mjs`);
      await writeFile(entry, await librariesEntry(options));
      const libraries = await build({ ...esbuildOptionsOf(entry, deployed.bundling, path.join(directory, `${name}-libraries`)), write: false, absWorkingDir: PROJECT_ROOT });

      const functionInputs = bundledInputs(metafile);
      const librariesInputs = bundledInputs(libraries.metafile).filter((input) => !input.endsWith(`${name}-libraries.mjs`));
      expect(librariesInputs.filter(isPackageFile).sort()).toEqual(functionInputs.filter(isPackageFile).sort());
      expect(librariesInputs.filter((input) => !isPackageFile(input)).sort()).toEqual(reachedFromPackages(metafile).sort());
    },
  );
});
