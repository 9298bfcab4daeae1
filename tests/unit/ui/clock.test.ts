import { describe, expect, it } from 'vitest';
import { leadLimitHours, SimClock, SLOW_SPEED_HOURS_PER_SECOND, SLOW_WINDOW_HOURS } from '../../../src/ui/clock';

describe('SimClock', () => {
  it('does not move while paused', () => {
    const c = new SimClock();
    c.tick(0.05);
    expect(c.hours).toBe(0);
  });

  it('advances by speed × real time while playing', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1d';
    c.tick(0.05);
    expect(c.hours).toBeCloseTo(1.2, 10);
  });

  it('counts a slow frame in full, so play keeps the chosen speed in wall time (issue 8)', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1w';
    c.tick(0.3);
    expect(c.hours).toBeCloseTo(0.3 * 168, 10);
  });

  it('caps a long gap between frames (a background tab) at half a second', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1w';
    c.tick(5);
    expect(c.hours).toBeCloseTo(0.5 * 168, 10);
  });

  it('waits for the engine: never more than the lead limit ahead of the skin shown', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1w';
    for (let k = 0; k < 10; k++) c.tick(0.1, 0);
    expect(c.hours).toBeCloseTo(leadLimitHours(168), 10);
    expect(c.held).toBe(true);
    c.tick(0.1, 200);
    expect(c.hours).toBeCloseTo(leadLimitHours(168) + 16.8, 10);
    expect(c.held).toBe(false);
  });

  it('slows to 6 h/s in the first day after an injury, whatever the speed', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1w';
    c.lastInjuryHour = 0;
    c.tick(0.1);
    expect(c.hours).toBeCloseTo(0.1 * SLOW_SPEED_HOURS_PER_SECOND, 10);
    expect(c.effectiveSpeed().slowed).toBe(true);
  });

  it('integrates across the end of the slow window instead of jumping over it', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1w';
    c.lastInjuryHour = 0;
    c.hours = SLOW_WINDOW_HOURS - 0.3; // 0.05 s at 6 h/s reaches the edge, then 0.05 s at 168 h/s
    c.tick(0.1);
    expect(c.hours).toBeCloseTo(SLOW_WINDOW_HOURS + 0.05 * 168, 8);
    expect(c.effectiveSpeed().slowed).toBe(false);
  });

  it('never slows a chosen speed that is already slow', () => {
    const c = new SimClock();
    c.playing = true;
    c.speed = '1h';
    c.lastInjuryHour = 0;
    c.tick(0.1);
    expect(c.hours).toBeCloseTo(0.1, 10);
  });
});

describe('the app clock is the store (one set of atoms)', () => {
  it('setting the clock sets what the views read; its speed follows the settings', async () => {
    const { clockOfStore, createAppStore } = await import('../../../src/ui/appStore');
    const { DEFAULT_SETTINGS } = await import('../../../src/ui/settings');
    const store = createAppStore({ ...DEFAULT_SETTINGS, speed: '1d' });
    const clock = clockOfStore(store);
    const seen: string[] = [];
    store.clockHours.subscribe((h) => seen.push(`hours ${h}`));
    store.playing.subscribe((p) => seen.push(`playing ${p}`));
    clock.playing = true;
    clock.tick(0.25);
    expect(store.clockHours.get()).toBeCloseTo(6, 10);
    store.settings.set({ ...store.settings.get(), speed: '1w' });
    expect(clock.speed).toBe('1w');
    clock.tick(0.25);
    expect(store.clockHours.get()).toBeCloseTo(6 + 42, 10);
    // One notification per tick, not one per slow-window segment.
    expect(seen).toEqual(['playing true', 'hours 6', 'hours 48']);
    expect(() => {
      clock.speed = '1d';
    }).toThrow(/settings/);
  });
});
