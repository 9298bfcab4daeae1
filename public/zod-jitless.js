// zod 4 reads its global config from here when it loads. Set before any module runs (a classic script
// runs before the deferred module scripts): the bundler may put zod and modules that build schemas in a
// chunk evaluated before src/zodJitless.ts, and zod's `new Function('')` probe then trips the app's CSP
// (no 'unsafe-eval', docs/security.md). src/zodJitless.ts still sets it for the dev server and workers.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
