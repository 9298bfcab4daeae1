// First: no eval-based fast paths in zod under a CSP (must run before any schema is built).
import '../src/zodJitless';
import { expose } from 'comlink';
import { createEngineApi } from './engineApi';

// Wiring only: the API object lives in engineApi.ts so tests can drive it in Node.
expose(createEngineApi());
