import type { ImportKind, Metafile } from 'esbuild';
import type { HeavyModule } from '../results.ts';

/**
 * Modules only some claims need: OCR (tesseract.js, Textract), image decoding (sharp), PDF text
 * and scan reading (unpdf), fax renditions (pdf-lib). A cold start must not pay for them.
 */
export const HEAVY_MODULES = ['tesseract.js', 'sharp', 'unpdf', 'pdf-lib', '@aws-sdk/client-textract'] as const;
/** Enough of the bundle's composition to see what to move out of it. */
const LARGEST_PACKAGES_SHOWN = 5;
const PROJECT_CODE = 'project code';

/** Imports evaluated when the importing module is: all but `import()`. */
const isStatic = (kind: ImportKind) => kind !== 'dynamic-import';

/** "node_modules/@aws-sdk/client-s3/dist-es/index.js" → "@aws-sdk/client-s3"; the project's own files → "project code". */
function packageOf(inputPath: string): string {
  const inNodeModules = inputPath.lastIndexOf('node_modules/');
  if (inNodeModules < 0) return PROJECT_CODE;
  const [scopeOrName = '', name = ''] = inputPath.slice(inNodeModules + 'node_modules/'.length).split('/');
  return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
}

const namesModule = (specifier: string, module: string) => specifier === module || specifier.startsWith(`${module}/`);

/** The bundle's inputs evaluated when it is imported: reached from the entry without an `import()`. */
function loadedAtStart(metafile: Metafile, entry: string): Set<string> {
  const loaded = new Set([entry]);
  const pending = [entry];
  for (let input = pending.pop(); input !== undefined; input = pending.pop()) {
    for (const imported of metafile.inputs[input]?.imports ?? []) {
      if (imported.external || !isStatic(imported.kind) || loaded.has(imported.path)) continue;
      loaded.add(imported.path);
      pending.push(imported.path);
    }
  }
  return loaded;
}

export interface BundleContents {
  readonly heavyModules: HeavyModule[];
  readonly largestPackages: { readonly name: string; readonly bytes: number }[];
}

/** How the bundle written to `outfile` loads each heavy module, and what weighs most in it. */
export function bundleContents(metafile: Metafile, outfile: string): BundleContents {
  const output = metafile.outputs[outfile];
  if (output?.entryPoint === undefined) throw new Error(`The build wrote no ${outfile}`);
  const atStart = loadedAtStart(metafile, output.entryPoint);
  const bytesByPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    bytesByPackage.set(packageOf(input), (bytesByPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const externalImports = Object.entries(metafile.inputs).flatMap(([input, { imports }]) =>
    imports.filter((imported) => imported.external).map((imported) => ({ from: input, specifier: imported.path, kind: imported.kind })),
  );

  const heavyModules = HEAVY_MODULES.map((module): HeavyModule => {
    const bundledBytes = bytesByPackage.get(module) ?? 0;
    const externally = externalImports.filter(({ specifier }) => namesModule(specifier, module));
    const bundledAtStart = [...atStart].some((input) => packageOf(input) === module);
    const importedAtStart = externally.some(({ from, kind }) => atStart.has(from) && isStatic(kind));
    if (bundledAtStart || importedAtStart) return { module, loading: 'at start', bundledBytes };
    return { module, loading: bundledBytes > 0 || externally.length > 0 ? 'on first use' : 'not in the bundle', bundledBytes };
  });
  const largestPackages = [...bytesByPackage]
    .sort(([, first], [, second]) => second - first)
    .slice(0, LARGEST_PACKAGES_SHOWN)
    .map(([name, bytes]) => ({ name, bytes }));
  return { heavyModules, largestPackages };
}
