import { createJobHost } from '../src/pool/workerHost';

// Wiring only: a Web Worker of the job pool (src/pool/webPool.ts). Every request is parsed with zod
// inside the job host (src/pool/workerHost.ts); results go back with their series buffers moved.
interface WorkerScope {
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
const host = createJobHost((message, transfer) => scope.postMessage(message, { transfer }));
scope.addEventListener('message', (event) => host(event.data));
