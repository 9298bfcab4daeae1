/**
 * The session worker's warm-up (workers/idleWarmUp.ts): once, only after the first frame, and only
 * when the worker has had no call for the idle time — never before the first skin, never in the
 * middle of a user's rolling.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineApi } from '../../../workers/engineApi';
import { answeringTo, IdleWarmUp } from '../../../workers/idleWarmUp';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('IdleWarmUp', () => {
  it('waits for a frame, then for the idle time after the last answer, and warms up once', () => {
    const warmUp = vi.fn();
    const idle = new IdleWarmUp(warmUp, 1000);
    idle.answered();
    vi.advanceTimersByTime(5000);
    expect(warmUp).not.toHaveBeenCalled();
    idle.frameShaded(160);
    idle.answered();
    vi.advanceTimersByTime(999);
    idle.answered();
    vi.advanceTimersByTime(999);
    expect(warmUp).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(warmUp).toHaveBeenCalledTimes(1);
    expect(warmUp).toHaveBeenCalledWith(160);
    idle.frameShaded(160);
    idle.answered();
    vi.advanceTimersByTime(5000);
    expect(warmUp).toHaveBeenCalledTimes(1);
  });

  it('answeringTo tells it after every call, returned or thrown, and keeps what the call gives', () => {
    const idle = new IdleWarmUp(vi.fn(), 1000);
    const answered = vi.spyOn(idle, 'answered');
    const api = answeringTo({ twice: (x: number) => 2 * x, fail: (): number => { throw new Error('no'); } }, idle);
    expect(api.twice(4)).toBe(8);
    expect(() => api.fail()).toThrow('no');
    expect(answered).toHaveBeenCalledTimes(2);
  });
});

describe('the session worker API', () => {
  it('warms the engine up for its grid a second after its first frame, when no call has come since', () => {
    const warmUp = vi.fn();
    const api = createEngineApi({ warmUp, idleMs: 1000 });
    api.init({ seed: 3, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 32, texturePx: 64 });
    vi.advanceTimersByTime(3000);
    expect(warmUp, 'no warm-up before the first skin').not.toHaveBeenCalled();
    api.frame({ layer: 'surface' }, new Uint8Array(64 * 64 * 4));
    vi.advanceTimersByTime(600);
    api.advance({ toHour: 2, exact: true });
    vi.advanceTimersByTime(600);
    expect(warmUp, 'a call restarts the idle time').not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(warmUp).toHaveBeenCalledWith(32);
  });
});
