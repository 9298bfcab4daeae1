import { describe, expect, it } from 'vitest';
import { InteractiveSession, SetupSchema } from '../../../src/session/index';
import { ChartColumns } from '../../../src/ui/chartColumns';

describe('live chart columns', () => {
  it('stores days and percentages', () => {
    const c = new ChartColumns();
    c.push(36, 0.12, 0.97, 0.3);
    expect(c.days).toEqual([1.5]);
    expect(c.collagenPct[0]).toBeCloseTo(12, 10);
    expect(c.integrityPct[0]).toBeCloseTo(97, 10);
    expect(c.erythema).toEqual([0.3]);
  });

  it('drops samples that go back in time', () => {
    const c = new ChartColumns();
    c.push(48, 0, 1, 0);
    expect(c.push(24, 0, 1, 0)).toBe(false);
    expect(c.days).toEqual([2]);
  });

  it('keeps the value before a session and only the newest after it at the same hour', () => {
    const c = new ChartColumns();
    c.push(0, 0, 1, 0); // before the strokes
    c.push(0, 0, 0.95, 0); // after the first batch
    c.push(0, 0, 0.9, 0); // after the second batch
    c.push(0, 0, 0.84, 0); // after the last
    expect(c.days).toEqual([0, 0]);
    expect(c.integrityPct.map((v) => Math.round(v))).toEqual([100, 84]);
    c.push(6, 0, 0.86, 0.4);
    expect(c.days).toEqual([0, 0, 0.25]);
  });

  it('exports exactly what it plots as CSV', () => {
    const c = new ChartColumns();
    c.push(0, 0, 1, 0);
    c.push(24, 0.051, 0.9, 0.42);
    c.push(48, 0.06, 0.95, 0.1, 0.02, 0.125);
    expect(c.toCsv()).toBe(
      'day,collagenGainPercent,capillaryIntegrityPercent,erythemaIndex,edemaIndex,telangiectasiaIndex\n' +
        '0.000,0.000,100.000,0.0000,0.0000,0.0000\n1.000,5.100,90.000,0.4200,0.0000,0.0000\n2.000,6.000,95.000,0.1000,0.0200,0.1250\n',
    );
  });

  it('replaces its history when the session starts a new epoch (new skin, replay, undo)', () => {
    const c = new ChartColumns();
    const samples = (epoch: number, hours: number[]) => ({
      epoch,
      hours,
      values: {
        collagenGain: hours.map(() => 0.1),
        erythema: hours.map(() => 0),
        capillaryIntegrity: hours.map(() => 1),
        edema: hours.map(() => 0),
        telangiectasia: hours.map(() => 0),
      },
    });
    expect(c.append(samples(1, [0, 6, 12]))).toBe(true);
    expect(c.append(samples(1, [18]))).toBe(true);
    expect(c.days).toEqual([0, 0.25, 0.5, 0.75]);
    expect(c.append(samples(1, []))).toBe(false);
    expect(c.append(samples(2, [0]))).toBe(true);
    expect(c.days).toEqual([0]);
  });

  it('takes a new session (a new skin, a replayed log) as a new history, not as more points of the old one', () => {
    const chart = new ChartColumns();
    const skin = { region: 'cheek' as const, phototype: 3, conditions: [] };
    const first = InteractiveSession.create(SetupSchema.parse({ seed: 7, skin, gridCells: 32, texturePx: 64 }));
    chart.append(first.snapshot().samples);
    first.applyPass(0, 1.5, 1);
    first.advance(72, true);
    chart.append(first.snapshot().samples);
    expect(chart.days.at(-1)).toBe(3);
    // The user picks another region: the worker adopts a fresh session for it.
    const next = InteractiveSession.create(SetupSchema.parse({ seed: 7, skin: { ...skin, region: 'forehead' }, gridCells: 32, texturePx: 64 }));
    chart.append(next.snapshot().samples);
    expect(chart.days).toEqual([0]);
    expect(chart.collagenPct).toEqual([0]);
  });
});

