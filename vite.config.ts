import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Content-Security-Policy of the built app (issue 9; docs/security.md). Everything comes from the app's
 * own origin; nothing runs that is not a script file of the build: no inline script, no eval (Pixi's
 * generated shader/uniform code is replaced by its static polyfills, `pixi.js/unsafe-eval`, imported by
 * the views; zod runs `jitless`, src/zodJitless.ts), no inline style (Pixi and uPlot style elements
 * through the CSSOM, which CSP allows). `data:` images only for the empty favicon
 * (`<link rel="icon" href="data:,">`, which saves a request; Chromium checks it against img-src).
 * A meta tag cannot carry `frame-ancestors`, `report-to` or `sandbox`: a host that wants them sends the
 * policy as an HTTP header (docs/security.md lists it).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy first in <head> of the built index.html, and refuses a build whose HTML the policy
 * would break (an inline script, style or event handler). Build only: the dev server injects its own client.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'skinsim-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>/i.exec(html);
        if (inlineScript) throw new Error(`index.html has an inline script, which the CSP blocks: ${inlineScript[0]}`);
        const inlineStyle = /<style\b|\sstyle=["']|\son[a-z]+=["']/i.exec(html);
        if (inlineStyle) throw new Error(`index.html has an inline style or event handler, which the CSP blocks: ${inlineStyle[0]}`);
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [presetsPlugin(), contentSecurityPolicy()],
  worker: { format: 'es' },
  // Pre-bundle the worker's dependencies so a cold dev server does not reload the page (stack.md).
  optimizeDeps: { include: ['comlink', 'zod', 'zod/v4', 'seedrandom', 'pixi.js', 'uplot', 'idb-keyval', 'lz-string'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // Every `import … from 'zod'` of the browser build goes through src/zodJitless.ts, which sets
  // `jitless` before re-exporting zod: a module's imports run before its body, so no schema is built
  // or parsed before the setting, however the bundler splits and orders the chunks (the CSP forbids
  // eval). Node (CLI, tests) imports zod itself.
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodJitless.ts', import.meta.url)) }] },
});
