import { build, type BuildOptions } from 'esbuild';

/** An import statement as esbuild prints one, on a line of its own, the specifier in double quotes. */
const IMPORT_STATEMENT = /^import\s+(?:(.+?)\s+from\s+)?"([^"]+)";$/gm;
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/g;
const NAMESPACE_CLAUSE = /^\*\s+as\s+([\w$]+)$/;
const NAMED_CLAUSE = /\{([^}]*)\}/;

/** What the function's own code uses of one module from outside the project. */
interface OutsideUse {
  readonly named: Set<string>;
  defaultImport: boolean;
  dynamic: boolean;
  /** Imported for its effects alone. */
  bare: boolean;
}

const escapeForPattern = (name: string) => name.replace(/\$/g, '\\$');
/** Uses of an identifier other than as a property name. */
const usesOf = (code: string, name: string) => code.match(new RegExp(`(?<![\\w$.])${escapeForPattern(name)}(?![\\w$])`, 'g'))?.length ?? 0;

/** Everything of a module the bundle's own code uses, as its import clause names it. */
function recordClause(clause: string, code: string, use: OutsideUse): void {
  const named = NAMED_CLAUSE.exec(clause);
  for (const binding of named?.[1]?.split(',') ?? []) {
    const [imported = '', local = imported] = binding.trim().split(/\s+as\s+/);
    if (imported && usesOf(code, local) > 0) use.named.add(imported);
  }
  const unnamed = (named ? clause.slice(0, named.index) : clause).split(',').map((part) => part.trim()).filter(Boolean);
  for (const part of unnamed) {
    const namespace = NAMESPACE_CLAUSE.exec(part)?.[1];
    if (namespace === undefined) {
      if (usesOf(code, part) > 0) use.defaultImport = true;
      continue;
    }
    // Its members only: a namespace taken whole would bring every export, where the bundle keeps the ones used.
    for (const [, member = ''] of code.matchAll(new RegExp(`(?<![\\w$.])${escapeForPattern(namespace)}\\.([\\w$]+)`, 'g'))) use.named.add(member);
  }
}

/**
 * What a function's own code uses from outside the project (packages, installed modules, Node's
 * own), found in its bundle built with every package left out: esbuild has then dropped the
 * code the handler never reaches, and what remains imports only what it calls.
 */
async function outsideUses(options: BuildOptions): Promise<Map<string, OutsideUse>> {
  const { outputFiles } = await build({ ...options, packages: 'external', minify: false, sourcemap: false, banner: {}, metafile: false, write: false });
  const code = outputFiles.find((file) => /\.[cm]?js$/.test(file.path))?.text ?? '';
  const body = code.replace(IMPORT_STATEMENT, '');
  const uses = new Map<string, OutsideUse>();
  const useOf = (specifier: string) => {
    let use = uses.get(specifier);
    if (use === undefined) {
      use = { named: new Set(), defaultImport: false, dynamic: false, bare: false };
      uses.set(specifier, use);
    }
    return use;
  };
  for (const [, clause, specifier = ''] of code.matchAll(IMPORT_STATEMENT)) {
    if (clause === undefined) useOf(specifier).bare = true;
    else recordClause(clause, body, useOf(specifier));
  }
  for (const [, specifier = ''] of body.matchAll(DYNAMIC_IMPORT)) useOf(specifier).dynamic = true;
  return uses;
}

/**
 * The source of a module that uses what a function's own code uses from outside the project,
 * loaded the same way (at start, or with `import()`), and does nothing else. Bundled with the
 * function's options (`options`, those of its own build), it is the floor of the function's cold
 * start that no change to its own code can go below.
 */
export async function librariesEntry(options: BuildOptions): Promise<string> {
  const statements: string[] = [];
  const kept: string[] = [];
  const keep = (binding: string) => {
    kept.push(binding);
    return binding;
  };
  const local = () => `library${kept.length}`;
  const uses = [...(await outsideUses(options))].sort(([first], [second]) => first.localeCompare(second));
  for (const [specifier, use] of uses) {
    const quoted = JSON.stringify(specifier);
    const named = [...use.named].sort().map((name) => `${name} as ${keep(local())}`);
    if (named.length > 0) statements.push(`import { ${named.join(', ')} } from ${quoted};`);
    if (use.defaultImport) statements.push(`import ${keep(local())} from ${quoted};`);
    if (use.dynamic) kept.push(`() => import(${quoted})`);
    if (use.bare && named.length === 0 && !use.defaultImport) statements.push(`import ${quoted};`);
  }
  return [...statements, `export const libraries = [${kept.join(', ')}];`, ''].join('\n');
}
