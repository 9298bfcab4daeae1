import { parentPort } from 'node:worker_threads';
import { createJobHost } from './workerHost';

// Wiring only: a worker_threads pool worker (nodePool.ts). The job host lives in workerHost.ts.
const port = parentPort;
if (port === null) throw new Error('nodeWorker.ts runs as a worker thread (see nodePool.ts)');
const host = createJobHost((message, transfer) => port.postMessage(message, transfer));
port.on('message', host);
