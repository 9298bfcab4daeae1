/** A value that views subscribe to (temporary local store; replaced by src/ui/store.ts when merged). */
export interface Atom<T> {
  get(): T;
  set(value: T): void;
  update(f: (value: T) => T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function atom<T>(initial: T): Atom<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next: T) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of [...listeners]) l(value);
    },
    update(f) {
      this.set(f(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
