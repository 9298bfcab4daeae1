import { describe, expect, it } from 'vitest';
import { RateMeter, speedText } from '../../../src/ui/rateMeter';

describe('rate meter: the speed play actually reaches', () => {
  it('measures simulated hours per wall second over a window', () => {
    const m = new RateMeter();
    expect(m.rate()).toBeNull();
    for (let k = 0; k <= 40; k++) m.sample(k * 0.05, k * 0.05 * 72);
    expect(m.rate()).toBeCloseTo(72, 6);
    expect(m.behind(72)).toBeNull();
  });

  it('says when the engine cannot keep up, and by how much', () => {
    const m = new RateMeter();
    for (let k = 0; k <= 40; k++) m.sample(k * 0.05, k * 0.05 * 72);
    expect(m.behind(168)).toBeCloseTo(72, 6);
  });

  it('forgets the past on reset and only judges a full window', () => {
    const m = new RateMeter();
    for (let k = 0; k <= 40; k++) m.sample(k * 0.05, 0);
    m.reset();
    m.sample(10, 0);
    m.sample(10.5, 84);
    expect(m.rate()).toBeNull();
  });

  it('names speeds in the units of the speed menu', () => {
    expect(speedText(6)).toBe('6 h/s');
    expect(speedText(72)).toBe('3 d/s');
    expect(speedText(77)).toBe('3.2 d/s');
    expect(speedText(168)).toBe('1 week/s');
  });
});
