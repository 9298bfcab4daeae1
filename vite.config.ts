import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:skinsim-presets`: every scenario file in public/scenarios/, bundled so the Compare view lists
 * them by name without fetching anything at run time. The app parses each with the scenario schema;
 * tests/unit/compare/presets.test.ts keeps every preset valid.
 */
function presetsPlugin(): Plugin {
  const id = 'virtual:skinsim-presets';
  const dir = resolve('public/scenarios');
  return {
    name: 'skinsim-presets',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
      const presets = files.map((file) => {
        const path = join(dir, file);
        this.addWatchFile(path);
        return { file, scenario: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      });
      return `export default ${JSON.stringify(presets)};`;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [presetsPlugin()],
  worker: { format: 'es' },
  // Pre-bundle the worker's dependencies so a cold dev server does not reload the page (stack.md).
  optimizeDeps: { include: ['comlink', 'zod', 'seedrandom', 'pixi.js', 'uplot', 'idb-keyval', 'lz-string'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
