import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, importSpecifiers, type SourceFile } from './boundaries';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * UI modules still longer than the limit. The list may only shrink: the checker fails when a file
 * on it drops under the limit or disappears, so the entry must then be removed.
 */
const UI_SIZE_ALLOWANCE: string[] = [];

function sourceFiles(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push({ path: rel, text: readFileSync(path.join(ROOT, rel), 'utf8') });
  }
  return out;
}

const file = (p: string, text: string): SourceFile => ({ path: p, text });
/** A small tree that keeps every rule, so each bad case below differs from it by one import. */
const GOOD: SourceFile[] = [
  file('src/engine/outputs.ts', "import { z } from 'zod';\nexport const VISIBLE = 0.15;\n"),
  file('src/engine/index.ts', "export { VISIBLE } from './outputs';\n"),
  file('src/shading/ramps.ts', "import { VISIBLE } from '../engine/index';\n"),
  file('src/shading/index.ts', "export * from './ramps';\n"),
  file('src/view/skinView.ts', "import { Container } from 'pixi.js';\nimport type { PixelRect } from '../shading/index';\n"),
  file('src/ui/app.ts', "import { VISIBLE } from '../engine/index';\nimport { SkinView } from '../view/skinView';\nconst w = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url));\n"),
  file('workers/engine.worker.ts', "import * as Comlink from 'comlink';\nimport { shadeSkin } from '../src/shading/index';\n"),
];

describe('import boundaries', () => {
  it('holds for every file in src/ and workers/', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('workers')];
    expect(files.length).toBeGreaterThan(100);
    expect(checkBoundaries(files, UI_SIZE_ALLOWANCE)).toEqual([]);
  });

  it('passes a synthetic tree that keeps the rules', () => {
    expect(checkBoundaries(GOOD)).toEqual([]);
  });

  it.each([
    ['UI into engine internals', 'src/ui/controls.ts', "import { needleWarning } from '../engine/guidance';", 'past its public face'],
    ['UI into engine internals, type only, over two lines', 'src/ui/labels.ts', "import type {\n  Region,\n} from '../engine/params';", 'past its public face'],
    ['engine into the UI', 'src/engine/simulation.ts', "import { el } from '../ui/dom';", 'engine may not import ui'],
    ['engine into the pool', 'src/engine/cohort.ts', "export { runJob } from '../pool/runJob';", 'engine may not import pool'],
    ['engine into Pixi', 'src/engine/fields.ts', "import { Texture } from 'pixi.js';", 'engine may not import the package pixi.js'],
    ['engine into a worker', 'src/engine/rng.ts', "const w = new URL('../../workers/pool.worker.ts', import.meta.url);", 'engine may not import workers'],
    ['view into the UI', 'src/view/skinView.ts', "import { appStore } from '../ui/appStore';", 'view may not import ui'],
    ['shading into engine internals', 'src/shading/ramps.ts', "import { Rng } from '../engine/rng';", 'past its public face'],
    ['shading into the session', 'src/shading/look.ts', "import type { Setup } from '../session/index';", 'shading may not import session'],
    ['compare into the UI', 'src/compare/summary.ts', "import { el } from '../ui/dom';", 'compare may not import ui'],
    ['workers into the UI', 'workers/skinFrames.ts', "const x = await import('../src/ui/format');", 'workers may not import ui'],
    ['session into shading internals', 'src/session/crossSectionSlice.ts', "import type { CrossSectionInput } from '../shading/crossSection';", 'past its public face'],
  ])('fails on %s', (_what, where, line, rule) => {
    const bad = checkBoundaries([...GOOD, file(where, `${line}\nexport const x = 1;\n`)]);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.file).toBe(where);
    expect(bad[0]!.rule).toContain(rule);
  });

  it('fails when a pure layer touches the DOM, but not on the word in a comment or string', () => {
    const quiet = file('src/engine/jsonInput.ts', "// the whole document\nexport const where = '(document)';\n");
    expect(checkBoundaries([...GOOD, quiet])).toEqual([]);
    const loud = file('src/session/quantise.ts', 'export const w = window.innerWidth;\n');
    expect(checkBoundaries([...GOOD, loud]).map((v) => v.rule)).toEqual(['session is pure and may not use the DOM global window']);
  });

  it('ignores an import that is commented out', () => {
    expect(importSpecifiers("// import { el } from '../ui/dom';\n/* import '../ui/x'; */\nimport { a } from './a';")).toEqual(['./a']);
  });

  it('keeps UI modules under 250 lines unless allowed, and the allowance only shrinks', () => {
    const long = file('src/ui/big.ts', 'export const a = 1;\n'.repeat(251));
    const short = file('src/ui/small.ts', 'export const a = 1;\n'.repeat(250));
    expect(checkBoundaries([...GOOD, short])).toEqual([]);
    expect(checkBoundaries([...GOOD, long]).map((v) => v.rule)).toEqual(['251 lines; a UI module may have 250']);
    expect(checkBoundaries([...GOOD, long], ['src/ui/big.ts'])).toEqual([]);
    expect(checkBoundaries([...GOOD, short], ['src/ui/small.ts'])[0]!.rule).toContain('take it off the allowance');
    expect(checkBoundaries(GOOD, ['src/ui/gone.ts'])[0]!.rule).toContain('no longer exists');
  });
});
