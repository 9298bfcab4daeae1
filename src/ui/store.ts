/**
 * A tiny observable store in the spirit of PhET's Properties and tldraw's atoms: named values that
 * views subscribe to, so nothing keeps hand-made "what changed" keys. No DOM; unit-tested in Node.
 *
 * - `atom(value)` holds a value; `set` notifies subscribers when the value changed (by `equals`).
 * - `computed([a, b], (x, y) => …)` derives a value from others and notifies only when it changed.
 * - `subscribe(fn)` calls `fn(value, previous)` on every change and returns the unsubscribe function;
 *   `watch(fn)` does the same and also calls `fn` once at once (a view drawing its first state).
 * - `batch(fn)` defers notifications until `fn` returns, so a view never sees half an update
 *   (one snapshot sets several atoms; derived values see all of them at once).
 * - `emitter()` is for events rather than state (PhET's Emitter): an announcement, a request.
 */

export type Equals<T> = (a: T, b: T) => boolean;
export type Listener<T> = (value: T, previous: T) => void;

export interface ReadonlyAtom<T> {
  get(): T;
  subscribe(fn: Listener<T>): () => void;
  watch(fn: Listener<T>): () => void;
}

export interface Atom<T> extends ReadonlyAtom<T> {
  set(value: T): void;
  update(fn: (value: T) => T): void;
}

let batchDepth = 0;
/** Notifications waiting for the outermost batch to end, at most one per atom (its first previous value). */
const deferred = new Map<AtomImpl<unknown>, unknown>();

class AtomImpl<T> implements Atom<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(
    private value: T,
    private readonly equals: Equals<T>,
  ) {}

  get(): T {
    return this.value;
  }

  set(next: T): void {
    if (this.equals(this.value, next)) return;
    const previous = this.value;
    this.value = next;
    if (batchDepth > 0) {
      if (!deferred.has(this as AtomImpl<unknown>)) deferred.set(this as AtomImpl<unknown>, previous);
      return;
    }
    this.notify(previous);
  }

  update(fn: (value: T) => T): void {
    this.set(fn(this.value));
  }

  subscribe(fn: Listener<T>): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  watch(fn: Listener<T>): () => void {
    fn(this.value, this.value);
    return this.subscribe(fn);
  }

  /** Ends a batch for this atom: notifies unless the value came back to where it was. */
  flush(previous: T): void {
    if (!this.equals(previous, this.value)) this.notify(previous);
  }

  private notify(previous: T): void {
    // A copy: a listener may unsubscribe itself (or another) while we iterate.
    for (const fn of [...this.listeners]) fn(this.value, previous);
  }
}

export function atom<T>(initial: T, equals: Equals<T> = Object.is): Atom<T> {
  return new AtomImpl(initial, equals);
}

type Values<D extends readonly ReadonlyAtom<unknown>[]> = { [K in keyof D]: D[K] extends ReadonlyAtom<infer V> ? V : never };

/**
 * A value derived from other atoms; recomputed when one of them changes, notifies only when it changed.
 * It stays subscribed to its dependencies for their lifetime (the app's computed values live as long as
 * the app).
 */
export function computed<const D extends readonly ReadonlyAtom<unknown>[], T>(
  deps: D,
  fn: (...values: Values<D>) => T,
  equals: Equals<T> = Object.is,
): ReadonlyAtom<T> {
  const read = (): T => fn(...(deps.map((d) => d.get()) as Values<D>));
  const out = new AtomImpl<T>(read(), equals);
  for (const d of deps) d.subscribe(() => out.set(read()));
  return { get: () => out.get(), subscribe: (f) => out.subscribe(f), watch: (f) => out.watch(f) };
}

/** Runs `fn` with notifications deferred to its end; nested batches flush once, at the outermost. */
export function batch(fn: () => void): void {
  batchDepth++;
  try {
    fn();
  } finally {
    batchDepth--;
    if (batchDepth === 0) {
      // Flushing may set more atoms (computed values): they notify at once, since the batch is over.
      const pending = [...deferred];
      deferred.clear();
      for (const [a, previous] of pending) a.flush(previous);
    }
  }
}

/** Shallow structural equality of plain data (JSON-like), for atoms holding small lists or records. */
export function sameData<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export interface Emitter<T> {
  emit(value: T): void;
  subscribe(fn: (value: T) => void): () => void;
}

/** Events that are not state: every emitted value reaches every listener once, in order. */
export function emitter<T>(): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value) => {
      for (const fn of [...listeners]) fn(value);
    },
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
