/**
 * The import-boundary checker: reads the import specifiers of every source file, resolves them to a
 * layer and reports each import that crosses a boundary it should not. Pure (files in, violations
 * out) so the test can feed it a synthetic file list with one deliberate bad import and see it fail.
 * The rules are written out in docs/architecture.md; keep the two in step.
 */
import path from 'node:path';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `src/ui/app.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

/** Where a file sits in the one-way flow. `root` is src/main.ts and its helpers beside it. */
export type Layer =
  | 'engine'
  | 'shading'
  | 'session'
  | 'compare'
  | 'evidence'
  | 'validation'
  | 'pool'
  | 'workers'
  | 'view'
  | 'ui'
  | 'cli'
  | 'root'
  | 'data';

/**
 * Which layers each layer may import (besides itself). Data flows one way: UI intent → worker →
 * engine → snapshot → store → views, so lower layers never name higher ones.
 */
export const ALLOWED_LAYERS: Readonly<Record<Layer, readonly Layer[]>> = {
  engine: [],
  shading: ['engine'],
  evidence: ['engine', 'data'],
  validation: ['engine', 'evidence'],
  session: ['engine', 'shading'],
  compare: ['engine', 'evidence'],
  pool: ['engine', 'evidence', 'validation', 'workers'],
  workers: ['engine', 'shading', 'session', 'pool', 'root'],
  view: ['engine', 'shading'],
  ui: ['engine', 'shading', 'session', 'compare', 'evidence', 'validation', 'pool', 'workers', 'view', 'root'],
  cli: ['engine', 'evidence', 'validation', 'pool'],
  root: ['ui'],
  data: [],
};

/**
 * Packages each layer may import. The pure layers get no DOM, Pixi, comlink or storage library;
 * `node:` built-ins only where the code runs in Node (the CLI and the Node worker pool).
 */
export const ALLOWED_PACKAGES: Readonly<Record<Layer, readonly string[]>> = {
  engine: ['zod', 'seedrandom'],
  shading: [],
  evidence: ['zod'],
  validation: ['zod'],
  session: ['zod'],
  compare: ['zod', 'lz-string', 'virtual:skinsim-presets'],
  pool: ['zod', 'node:', 'tsx'],
  workers: ['zod', 'comlink'],
  view: ['pixi.js'],
  ui: ['zod', 'comlink', 'idb-keyval', 'uplot'],
  cli: ['node:'],
  root: ['zod'],
  data: [],
};

/** Folders that only their public face (`index.ts`) may be imported through from outside. */
export const PUBLIC_FACES: Readonly<Record<string, string>> = {
  'src/engine': 'src/engine/index',
  'src/shading': 'src/shading/index',
  'src/session': 'src/session/index',
};

/** Layers that must run anywhere (Node, worker, page): no DOM globals. */
const PURE_LAYERS: ReadonlySet<Layer> = new Set(['engine', 'shading', 'session', 'compare', 'evidence', 'validation']);
const DOM_GLOBALS = /\b(document|window|localStorage|sessionStorage|requestAnimationFrame|HTMLElement)\b/;

/** Longest a UI module may be, and the files still over it (each must shrink off this list, none may join). */
export const UI_MAX_LINES = 250;

export function layerOf(file: string): Layer | null {
  const parts = file.split('/');
  if (parts[0] === 'workers') return 'workers';
  if (parts[0] === 'public') return 'data';
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return 'root';
  const folder = parts[1] as Layer;
  return folder in ALLOWED_LAYERS ? folder : null;
}

/**
 * Source text with comments blanked; with `blankStrings` the insides of string literals too, so a
 * search for DOM globals sees only code.
 */
export function stripComments(text: string, blankStrings = false): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && !(c !== '`' && text[j] === '\n')) j += text[j] === '\\' ? 2 : 1;
      out += blankStrings ? c + ' '.repeat(Math.max(0, j - i - 1)) + c : text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const IMPORT_RE =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]*?\s*from\s*)?(['"])([^'"\n]+)\1|\bimport\(\s*(['"])([^'"\n]+)\3\s*\)|\bnew\s+URL\(\s*(['"])([^'"\n]+)\5\s*,\s*import\.meta\.url/g;

/** Every module specifier a file names: static and dynamic imports, re-exports, `new URL(…, import.meta.url)`. */
export function importSpecifiers(text: string): string[] {
  // Comments are removed first (strings kept) so a commented-out import does not count.
  const withoutComments = stripComments(text);
  const specs: string[] = [];
  for (const m of withoutComments.matchAll(IMPORT_RE)) {
    const spec = m[2] ?? m[4] ?? m[6];
    if (spec !== undefined) specs.push(spec);
  }
  return specs;
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  if (spec.startsWith('virtual:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Checks one file's imports against the layer table, the package table and the public faces. */
function checkImports(file: SourceFile, out: Violation[]): void {
  const from = layerOf(file.path);
  if (from === null) return;
  for (const specifier of importSpecifiers(file.text)) {
    const bare = specifier.replace(/\?.*$/, '');
    if (!bare.startsWith('.')) {
      const pkg = packageName(bare);
      if (!ALLOWED_PACKAGES[from].includes(pkg)) out.push({ file: file.path, specifier, rule: `${from} may not import the package ${pkg}` });
      continue;
    }
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), bare)).replace(/\.(ts|mjs|js)$/, '');
    const to = layerOf(target);
    if (to === null) {
      out.push({ file: file.path, specifier, rule: `${from} imports ${target}, which is in no layer` });
      continue;
    }
    if (to !== from && !ALLOWED_LAYERS[from].includes(to)) {
      out.push({ file: file.path, specifier, rule: `${from} may not import ${to}` });
      continue;
    }
    for (const [folder, face] of Object.entries(PUBLIC_FACES)) {
      const inside = target === folder || target.startsWith(`${folder}/`);
      const fromInside = file.path.startsWith(`${folder}/`);
      if (inside && !fromInside && target !== face && target !== folder) {
        out.push({ file: file.path, specifier, rule: `imports ${folder} past its public face ${face}.ts` });
      }
    }
  }
}

function checkDomFree(file: SourceFile, out: Violation[]): void {
  const layer = layerOf(file.path);
  if (layer === null || !PURE_LAYERS.has(layer)) return;
  const hit = DOM_GLOBALS.exec(stripComments(file.text, true));
  if (hit) out.push({ file: file.path, specifier: hit[1]!, rule: `${layer} is pure and may not use the DOM global ${hit[1]}` });
}

/** UI modules stay small; `allowance` names files still over the limit, which may only leave the list. */
function checkUiSize(file: SourceFile, allowance: ReadonlySet<string>, out: Violation[]): void {
  if (!file.path.startsWith('src/ui/') || !file.path.endsWith('.ts')) return;
  const lines = file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0);
  const allowed = allowance.has(file.path);
  if (lines > UI_MAX_LINES && !allowed) out.push({ file: file.path, specifier: '', rule: `${lines} lines; a UI module may have ${UI_MAX_LINES}` });
  if (lines <= UI_MAX_LINES && allowed) out.push({ file: file.path, specifier: '', rule: `${lines} lines: under the limit now, take it off the allowance` });
}

export function checkBoundaries(files: readonly SourceFile[], uiSizeAllowance: readonly string[] = []): Violation[] {
  const allowance = new Set(uiSizeAllowance);
  const out: Violation[] = [];
  const present = new Set(files.map((f) => f.path));
  for (const name of allowance) {
    if (!present.has(name)) out.push({ file: name, specifier: '', rule: 'on the size allowance but no longer exists; take it off' });
  }
  for (const file of files) {
    checkImports(file, out);
    checkDomFree(file, out);
    checkUiSize(file, allowance, out);
  }
  return out;
}
