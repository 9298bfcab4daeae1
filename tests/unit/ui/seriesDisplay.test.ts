import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../src/engine/index';
import { SAMPLED_SERIES } from '../../../src/session/index';
import { ChartColumns } from '../../../src/ui/chartColumns';
import { evidenceTagClass, LIVE_SERIES_ORDER, seriesDisplay } from '../../../src/ui/seriesDisplay';

describe('seriesDisplay (label, unit, scale, evidence tag and style of a series, once for both views)', () => {
  it('the live chart draws a line for every series the session samples, and only those', () => {
    expect([...LIVE_SERIES_ORDER].sort()).toEqual([...SAMPLED_SERIES].sort());
  });

  it('the live chart labels name the unit and the time scale', () => {
    expect(LIVE_SERIES_ORDER.map((s) => seriesDisplay(s).chartLabel)).toEqual([
      'Collagen gain %',
      'Capillary integrity % (acute)',
      'Erythema',
      'Oedema',
      'Telangiectasia (lasting)',
    ]);
  });

  it('fractions are shown ×100 and indices as they are, in the live columns as in Compare', () => {
    for (const s of SERIES) {
      const d = seriesDisplay(s);
      expect(d.factor === 100).toBe(d.unit === '%' || d.unit === '% level');
    }
    const columns = new ChartColumns();
    columns.push(24, 0.123, 0.97, 0.5, 0.2, 0.01);
    expect([columns.collagenPct[0], columns.integrityPct[0], columns.erythema[0]]).toEqual([
      0.123 * seriesDisplay('collagenGain').factor,
      0.97 * seriesDisplay('capillaryIntegrity').factor,
      0.5 * seriesDisplay('erythema').factor,
    ]);
  });

  it('each evidence tag has its own class', () => {
    expect(new Set((['data', 'hypothesis', 'extrapolation'] as const).map(evidenceTagClass)).size).toBe(3);
  });
});
