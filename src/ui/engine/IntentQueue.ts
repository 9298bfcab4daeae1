/**
 * One ordered queue for everything the user asks of the engine (issue 9): intents run one at a time,
 * in the order they arrived, each exactly once, however fast they come. The result is therefore the
 * same as if they had been applied slowly. Nothing is read "before an await and written after it":
 * an intent carries everything it needs (the hour, the needle) from the moment the user acted.
 *
 * `merge` may fold a queued intent into the one still waiting at the tail (stroke batches of one
 * drag), which changes how many messages are sent but not what is applied, nor its order.
 */
export class IntentQueue<I> {
  private readonly waiting: { intent: I; settle: { resolve(): void; reject(err: unknown): void }[] }[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly run: (intent: I) => Promise<void>,
    private readonly merge?: (tail: I, next: I) => I | null,
  ) {}

  /** Queues an intent; resolves when it was applied (rejects with its error; the queue goes on). */
  push(intent: I): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const tail = this.waiting[this.waiting.length - 1];
      const merged = tail && this.merge ? this.merge(tail.intent, intent) : null;
      if (tail && merged !== null) {
        tail.intent = merged;
        tail.settle.push({ resolve, reject });
      } else {
        this.waiting.push({ intent, settle: [{ resolve, reject }] });
      }
      void this.drain();
    });
  }

  /** Intents waiting or running. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.waiting.shift(); next !== undefined; next = this.waiting.shift()) {
        try {
          await this.run(next.intent);
          for (const s of next.settle) s.resolve();
        } catch (err) {
          for (const s of next.settle) s.reject(err);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
