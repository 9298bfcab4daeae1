import { z } from 'zod/v4';

/**
 * zod for the browser build: vite.config.ts points every `import … from 'zod'` here, so this runs
 * before any module that builds or parses a schema, in every chunk and worker. zod 4 probes
 * `new Function('')` when it first parses an object schema, to compile fast parsers; under the app's
 * Content-Security-Policy (no 'unsafe-eval', docs/security.md) the probe is blocked and, although zod
 * catches it, reported as a securitypolicyviolation. `jitless` skips the probe and the generated code;
 * parsing our small messages the interpreted way costs microseconds. ('zod/v4' is the same module
 * instance as 'zod', so the setting holds for both.)
 */
z.config({ jitless: true });

export * from 'zod/v4';
