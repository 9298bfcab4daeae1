import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  worker: { format: 'es' },
  // Pre-bundle the worker's dependencies so a cold dev server does not reload the page (stack.md).
  optimizeDeps: { include: ['comlink', 'zod', 'seedrandom', 'pixi.js', 'uplot', 'idb-keyval'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
