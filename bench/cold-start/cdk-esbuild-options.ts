import path from 'node:path';
import { OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** Options that change how CDK runs npm or Docker, not what esbuild writes. */
const NOT_ESBUILD_OPTIONS: ReadonlySet<string> = new Set(['forceDockerBundling', 'environment', 'commandHooks']);
/** Options translated below the way CDK's own bundling passes them to esbuild. */
const TRANSLATED_OPTIONS: ReadonlySet<string> = new Set([
  'format',
  'mainFields',
  'banner',
  'target',
  'minify',
  'sourceMap',
  'sourceMapMode',
  'sourcesContent',
  'bundleAwsSDK',
  'nodeModules',
  'esbuildArgs',
]);
/** esbuild's `--alias:package=path`, split at the first `=` as esbuild splits it. */
const ALIAS_ARGUMENT = /^--alias:([^=]+)=(.+)$/;
/** Arguments CDK writes with a colon before their value rather than an `=` (aws-lambda-nodejs toCliArgsArray). */
const COLON_ARGUMENTS: ReadonlySet<string> = new Set(['--alias', '--drop', '--pure', '--log-override', '--out-extension']);

/** `esbuildArgs` as CDK appends them to esbuild's command line. */
function commandLineOf(esbuildArgs: NonNullable<BundlingOptions['esbuildArgs']>): string[] {
  return Object.entries(esbuildArgs).flatMap(([key, value]) => {
    if (Array.isArray(value)) return value.map((item) => `${key}:${item}`);
    if (value === true || value === '') return [key];
    if (COLON_ARGUMENTS.has(key)) return [`${key}:${value}`];
    return value ? [`${key}=${value}`] : [];
  });
}

/** The aliases the arguments set; any other argument stops the benchmark. */
function aliasesOf(esbuildArgs: BundlingOptions['esbuildArgs']): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const argument of commandLineOf(esbuildArgs ?? {})) {
    const [, name, target] = ALIAS_ARGUMENT.exec(argument) ?? [];
    if (name === undefined || target === undefined) throw new Error(`The benchmark does not bundle with the esbuild argument ${argument} as CDK does`);
    aliases[name] = target;
  }
  return aliases;
}

/**
 * The esbuild build CDK runs for a NodejsFunction with these bundling options (aws-lambda-nodejs
 * Bundling: `esbuild --bundle <entry> --platform=node ...`), writing into `outdir`, with a
 * metafile beside it (which changes nothing in the bundle). An option whose translation it does
 * not know stops it, rather than measuring another bundle than the one deployed.
 */
export function esbuildOptionsOf(entry: string, bundling: BundlingOptions, outdir: string): BuildOptions & { outfile: string; metafile: true } {
  const unknown = Object.keys(bundling).filter((option) => !NOT_ESBUILD_OPTIONS.has(option) && !TRANSLATED_OPTIONS.has(option));
  if (unknown.length > 0) throw new Error(`The benchmark does not bundle with ${unknown.join(', ')} as CDK does`);
  if (bundling.target === undefined) throw new Error("Bundling names no target: CDK would take the runtime's");
  // Without bundleAwsSDK, CDK leaves out the SDK packages its feature flags name.
  if (bundling.bundleAwsSDK !== true) throw new Error('Bundling leaves the AWS SDK to the runtime, which the benchmark does not reproduce');
  const sourceMapMode = bundling.sourceMapMode ?? (bundling.sourceMap ? SourceMapMode.DEFAULT : undefined);
  const alias = aliasesOf(bundling.esbuildArgs);
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: bundling.target,
    ...(bundling.format ? { format: bundling.format } : {}),
    outfile: path.join(outdir, bundling.format === OutputFormat.ESM ? 'index.mjs' : 'index.js'),
    minify: bundling.minify === true,
    // CDK's --sourcemap without a value is esbuild's linked source map.
    ...(sourceMapMode ? { sourcemap: sourceMapMode === SourceMapMode.DEFAULT ? 'linked' : sourceMapMode } : {}),
    sourcesContent: bundling.sourcesContent ?? true,
    // Installed beside the bundle.
    external: [...(bundling.nodeModules ?? [])],
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    ...(Object.keys(alias).length > 0 ? { alias } : {}),
    metafile: true,
    logLevel: 'error',
  };
}
