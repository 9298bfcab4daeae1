import { describe, expect, it } from 'vitest';
import { IntentQueue } from '../../../src/ui/engine/IntentQueue';

const tick = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('intent queue', () => {
  it('applies intents one at a time, in arrival order, each once, whatever each one costs', async () => {
    const applied: number[] = [];
    let running = 0;
    const q = new IntentQueue<number>(async (n) => {
      running++;
      expect(running).toBe(1);
      await tick((7 * n) % 5);
      applied.push(n);
      running--;
    });
    await Promise.all(Array.from({ length: 20 }, (_, k) => q.push(k)));
    expect(applied).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(q.size).toBe(0);
  });

  it('folds an intent into the one waiting at the tail when merge allows, never into the running one', async () => {
    const applied: string[] = [];
    const q = new IntentQueue<string>(
      async (s) => {
        await tick(5);
        applied.push(s);
      },
      (tail, next) => (tail.startsWith('a') && next.startsWith('a') ? tail + next : null),
    );
    const all = [q.push('a1'), q.push('a2'), q.push('a3'), q.push('b'), q.push('a4')];
    await Promise.all(all);
    expect(applied).toEqual(['a1', 'a2a3', 'b', 'a4']);
  });

  it('rejects the failed intent only and goes on; idle() waits for the end', async () => {
    const applied: number[] = [];
    const q = new IntentQueue<number>(async (n) => {
      await tick(1);
      if (n === 2) throw new Error('bad intent');
      applied.push(n);
    });
    const p = [q.push(1), q.push(2), q.push(3)];
    await expect(p[1]).rejects.toThrow('bad intent');
    await q.idle();
    expect(applied).toEqual([1, 3]);
    await expect(q.idle()).resolves.toBeUndefined();
  });
});
