// Types of scripts/buildNode.mjs for TypeScript callers (the bench).
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare function builtPath(entry: 'simulate' | 'nodeWorker'): string;
export declare function isFresh(): boolean;
export declare function buildNode(): Promise<void>;
export declare function ensureBuilt(): Promise<string>;
