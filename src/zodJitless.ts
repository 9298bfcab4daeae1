import { z } from 'zod';

/**
 * Import first in every browser entry (src/main.ts, workers/engine.worker.ts), before any module that
 * builds a zod schema. zod 4 probes `new Function('')` when it builds an object schema, to compile fast
 * parsers; under the app's Content-Security-Policy (no 'unsafe-eval', docs/security.md) the probe is
 * blocked and, although zod catches it, reported as a securitypolicyviolation. `jitless` skips the probe
 * and the generated code; parsing our small messages the interpreted way costs microseconds.
 */
z.config({ jitless: true });
