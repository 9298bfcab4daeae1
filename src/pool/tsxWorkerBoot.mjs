// Development only: lets a worker_threads worker run the TypeScript sources (tests, `npm run bench`
// under tsx). Node 20 has no type stripping and `--import tsx` does not reach a worker's entry
// module, so the worker registers tsx itself, then imports the real entry. The built CLI never uses
// this file: its workers are plain JavaScript (scripts/buildNode.mjs).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.skinsimEntry);
