// Builds the Node programs (the CLI and its pool worker) from the TypeScript sources into dist-node/,
// plain JavaScript that Node 20 starts in milliseconds (tsx needed ≈ 1.8 s to compile at every start).
//
// Why esbuild: it bundles and strips types in ~0.1 s with a JS API, so the launcher (simulate.mjs)
// can rebuild on the fly whenever a source is newer than the bundle: a stale build cannot run. Vite's
// own build (Rolldown) would work too, but starts a heavier toolchain (~1 s) for every rebuild.
//
// Run by `npm install` / `npm ci` (the `prepare` script) and by the launcher when needed.
// `node scripts/buildNode.mjs` rebuilds unconditionally.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist-node');
/** Lists every file that went into the bundles (esbuild's metafile): the launcher checks their times. */
const META = join(OUT_DIR, 'meta.json');
/** Besides the sources, a change to these makes the build stale. */
const BUILD_INPUTS = ['scripts/buildNode.mjs', 'package.json', 'package-lock.json'];

const ENTRIES = {
  simulate: 'src/cli/simulate.ts',
  nodeWorker: 'src/pool/nodeWorker.ts',
};

/** Path of a built entry point (`simulate` or `nodeWorker`). */
export function builtPath(entry) {
  return join(OUT_DIR, `${entry}.js`);
}

/** True when dist-node/ holds every entry and no input is newer than the build. */
export function isFresh() {
  let built;
  let inputs;
  try {
    built = statSync(META).mtimeMs;
    inputs = JSON.parse(readFileSync(META, 'utf8')).inputs;
    for (const entry of Object.keys(ENTRIES)) statSync(builtPath(entry));
  } catch {
    return false;
  }
  for (const file of [...inputs, ...BUILD_INPUTS]) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > built) return false;
    } catch {
      return false; // an input was deleted or renamed
    }
  }
  return true;
}

/** Builds dist-node/. Files are written under a temporary name and renamed, so a reader never sees half a file. */
export async function buildNode() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    // CommonJS dependencies (seedrandom) call require(); give the ESM bundle a real one.
    banner: { js: "import { createRequire as __skinsimRequire } from 'node:module'; const require = __skinsimRequire(import.meta.url);" },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  // Dependencies change only with package-lock.json (checked itself): no need to stat node_modules.
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => relative(ROOT, resolve(ROOT, p)))
    .filter((p) => !p.split(/[\\/]/).includes('node_modules'));
  const tmp = `${META}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ builtBy: 'scripts/buildNode.mjs', inputs }, null, 1)}\n`);
  renameSync(tmp, META);
}

/** Rebuilds only when stale; returns the path of the built CLI. */
export async function ensureBuilt() {
  if (!isFresh()) await buildNode();
  return builtPath('simulate');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
