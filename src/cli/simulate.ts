import { main } from './main';

// Entry point of `npm run simulate` (built to dist-node/simulate.js by scripts/buildNode.mjs):
// exit code 0 ok, 2 bad input, 1 internal error. No process.exit(): pending output is flushed first.
process.exitCode = await main(process.argv.slice(2));
