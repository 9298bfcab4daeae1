import { describe, expect, it } from 'vitest';
import { dayLabel, duration, indexValue, percent, sessionAnnouncement, signedPercent } from '../../../src/ui/format';

describe('readout formatting', () => {
  it('shows a fraction of baseline as a signed percentage with a true minus sign', () => {
    expect(signedPercent(0.123)).toBe('+12 %');
    expect(signedPercent(-0.26)).toBe('−26 %');
    expect(signedPercent(0.0004)).toBe('±0 %');
    expect(signedPercent(0.0456, 1)).toBe('+4.6 %');
  });

  it('shows integrity as a plain percentage and indices with their unit word', () => {
    expect(percent(0.973)).toBe('97 %');
    expect(indexValue(0.4231)).toBe('0.42 index');
    expect(indexValue(0.0281, 3)).toBe('0.028 index');
  });

  it('labels simulated time by day and hour', () => {
    expect(dayLabel(0)).toBe('Day 0, 00:00');
    expect(dayLabel(294)).toBe('Day 12, 06:00');
    expect(dayLabel(24 * 42 + 23.9)).toBe('Day 42, 23:00');
  });

  it('picks hours below a day', () => {
    expect(duration(0.5)).toBe('12 h');
    expect(duration(1)).toBe('1 day');
    expect(duration(2.64)).toBe('2.6 days');
  });

  it('announces a session as the issue words it', () => {
    expect(sessionAnnouncement({ index: 2, meanPasses: 15.02, needleMm: 1.5, densityPerCm2: 243.4 })).toBe(
      'Session 2 done: 15 passes, 1.5 mm, 243 punctures/cm²',
    );
  });
});
