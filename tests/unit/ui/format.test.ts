import { describe, expect, it } from 'vitest';
import { dayLabel, duration, gradeChange, indexValue, percent, indexReadout, sessionAnnouncement, sessionDetails, signedPercent, thresholdReading } from '../../../src/ui/format';

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
    // The sessions list says the same after the day.
    expect(sessionDetails({ meanPasses: 15.02, needleMm: 1.5, densityPerCm2: 243.4 })).toBe('15 passes, 1.5 mm, 243 punctures/cm²');
  });
});

describe('values next to a threshold agree with the comparison', () => {
  it('adds decimals until the shown value is on the right side of the shown threshold', () => {
    expect(thresholdReading(0.1003, 0.1)).toEqual({ text: '0.1003', threshold: '0.1000', above: true });
    expect(thresholdReading(0.1049, 0.1)).toEqual({ text: '0.105', threshold: '0.100', above: true });
    expect(thresholdReading(0.57, 0.1)).toEqual({ text: '0.57', threshold: '0.10', above: true });
  });

  it('keeps the short form when rounding does not cross the threshold', () => {
    expect(thresholdReading(0.0996, 0.1)).toEqual({ text: '0.10', threshold: '0.10', above: false });
    expect(thresholdReading(0.1, 0.1)).toEqual({ text: '0.10', threshold: '0.10', above: false });
    expect(thresholdReading(0.02, 0.028, 3)).toEqual({ text: '0.020', threshold: '0.028', above: false });
  });

  it('calls a value that still rounds onto the threshold at the last decimal not above it', () => {
    const r = thresholdReading(0.100001, 0.1);
    expect(r.text).toBe('0.10');
    expect(r.above).toBe(false);
  });
});

describe('index readouts', () => {
  it('calls a value visible only when the shown number is above the engine threshold', () => {
    expect(indexReadout(0.57, 0.1, 2)).toBe('0.57 index (visible)');
    expect(indexReadout(0.1003, 0.1, 2)).toBe('0.1003 index (visible)');
    expect(indexReadout(0.0996, 0.1, 2)).toBe('0.10 index');
  });

  it('names what a condition brought along as pre-existing, not the user\'s doing', () => {
    expect(indexReadout(0.1000001, 0.1, 2, 0.1000001, 'rosacea')).toBe('0.10 index (pre-existing: rosacea)');
    expect(indexReadout(0.104, 0.1, 2, 0.1, 'rosacea')).toBe('0.104 index (visible, pre-existing: rosacea)');
    expect(indexReadout(0.25, 0.1, 2, 0.1, 'rosacea')).toBe('0.25 index (visible; 0.10 was there before (rosacea))');
  });
});

describe('grade readouts', () => {
  it('signs a change of a clinical grade, with the unit in the right number', () => {
    expect(gradeChange(-0.824)).toBe('−0.82 grades');
    expect(gradeChange(1)).toBe('+1.00 grade');
    expect(gradeChange(-1.0004)).toBe('−1.00 grade');
    expect(gradeChange(0.0004)).toBe('±0.00 grades');
    expect(gradeChange(-0)).toBe('±0.00 grades');
  });
});
