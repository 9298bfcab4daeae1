import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { parseScenarioText } from './src/engine/scenario';

/**
 * `virtual:skinsim-presets`: every scenario file in public/scenarios/, validated with the scenario
 * schema at build time (a broken preset fails the build instead of the page) and bundled, so the
 * Compare view lists them by name without fetching anything at run time.
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
        try {
          return { file, scenario: parseScenarioText(readFileSync(path, 'utf8')) };
        } catch (err) {
          throw new Error(`public/scenarios/${file}: ${(err as Error).message}`);
        }
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
