#!/usr/bin/env node
// `npm run simulate`: runs the CLI as prebuilt JavaScript (dist-node/simulate.js), rebuilding it
// first if any of its sources is newer than the build (scripts/buildNode.mjs), so a stale build never
// runs. Same arguments, output and exit codes as the CLI itself (src/cli/main.ts).
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './buildNode.mjs';

let cli;
try {
  cli = await ensureBuilt();
} catch (err) {
  process.stderr.write(`skinsim: internal error: could not build the CLI (${err?.message ?? err}); run "npm install" first\n`);
  process.exit(1);
}
await import(pathToFileURL(cli).href);
