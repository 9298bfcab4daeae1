import { SERIES_INFO } from '../../../src/engine/index';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, SERIES, type Region } from '../../../src/engine/index';
import { deriveEnvelope, evidenceEnvelope, outsideEnvelope } from '../../../src/evidence/envelope';
import { hypothesesBehind, resultEvidence } from '../../../src/evidence/seriesEvidence';
import { trialData, type TrialRecord } from '../../../src/evidence/trials';
import { presetFiles } from '../../fixtures/engine';

const course = (protocol: { needleMm: number; passes: number; intervalDays: number; sessions: number }, skin: { region: Region; phototype: number } = { region: 'cheek', phototype: 3 }) =>
  parseScenario({ version: 1, seed: 1, skin: { ...skin, conditions: [] }, protocol, days: 200 });

describe('the evidence envelope', () => {
  it('is derived from the data set: the intervals, sessions and phototypes the trials stated', () => {
    const env = evidenceEnvelope();
    expect(env.intervalDays).toEqual({ min: 14, max: 30 });
    expect(env.sessions).toEqual({ min: 3, max: 6 });
    expect(env.needleMm).toEqual({ min: 1.5, max: 1.5 });
    expect(env.phototypes).toEqual({ min: 1, max: 5 });
  });

  it('widens when a record with a stated longer interval is added, and not when the interval is only assumed', () => {
    const base = trialData().records;
    const extra: TrialRecord = { ...base[0]!, id: 'x', protocol: { ...base[0]!.protocol, intervalDays: 42 }, assumed: [] };
    expect(deriveEnvelope([...base, extra]).intervalDays.max).toBe(42);
    expect(deriveEnvelope([...base, { ...extra, assumed: ['intervalDays'] }]).intervalDays.max).toBe(30);
  });

  it('says which protocol fields lie outside and what the trials covered', () => {
    expect(outsideEnvelope(course({ needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 4 }))).toEqual([]);
    expect(outsideEnvelope(course({ needleMm: 1.5, passes: 15, intervalDays: 1, sessions: 14 }))).toEqual([
      'interval 1 d: trials covered 14–30 d',
      'sessions 14: trials covered 3–6',
    ]);
    expect(outsideEnvelope(course({ needleMm: 3, passes: 15, intervalDays: 30, sessions: 3 }, { region: 'cheek', phototype: 6 }))).toEqual([
      'needle 3 mm: trials covered 1.5 mm',
      'phototype VI: trials covered I–V',
    ]);
    expect(outsideEnvelope(course({ needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 3 }, { region: 'periorbital', phototype: 3 }))).toEqual([
      'region periorbital: trials covered cheek',
    ]);
  });
});

describe('evidence tags per series', () => {
  it('inside the envelope: data for calibrated series, hypothesis for perfusion, pigment and capillaries', () => {
    const e = resultEvidence(course({ needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 4 }));
    expect(e.collagenGain.tag).toBe('data');
    expect(e.textureSeverity.tag).toBe('data');
    expect(e.perfusion300um.tag).toBe('hypothesis');
    expect(e.pigment.tag).toBe('hypothesis');
    expect(e.telangiectasia.tag).toBe('hypothesis');
  });

  it('outside it: the calibrated series become extrapolations with the reason; hypotheses stay hypotheses', () => {
    const e = resultEvidence(course({ needleMm: 1.5, passes: 15, intervalDays: 1, sessions: 14 }));
    expect(e.collagenGain).toMatchObject({ tag: 'extrapolation', reason: 'interval 1 d: trials covered 14–30 d; sessions 14: trials covered 3–6' });
    expect(e.telangiectasia.tag).toBe('hypothesis');
  });

  it('lists every hypothesis and cap behind the numbers, the collagen caps and the third-revision terms among them', () => {
    const all = hypothesesBehind(resultEvidence(course({ needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 4 })));
    for (const h of ['C_max', 'F_max', 'I_crit', 'oxygen-limited synthesis', 'matrix breakdown', 'deep-plexus', 'G0']) {
      expect(all.some((x) => x.includes(h)), h).toBe(true);
    }
  });

  it('tags the presets as a clinician would read them', () => {
    const tags = Object.fromEntries(
      presetFiles().map(({ file, text }) => [file, resultEvidence(parseScenarioText(text)).collagenGain.tag]),
    );
    expect(tags['lotfi-5-monthly.json']).toBe('data');
    expect(tags['el-domyati-6-biweekly.json']).toBe('data');
    expect(tags['overdoing-daily.json']).toBe('extrapolation');
    expect(tags['weekly-12.json']).toBe('extrapolation');
    expect(tags['single-session.json']).toBe('extrapolation');
    expect(tags['home-roller-0.25mm.json']).toBe('extrapolation');
    for (const { text } of presetFiles()) {
      const e = resultEvidence(parseScenarioText(text));
      expect(Object.keys(e)).toEqual([...SERIES]);
    }
  });

  it('agrees with the series table the app labels its readouts and charts from', () => {
    const e = resultEvidence(course({ needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 4 }));
    for (const name of SERIES) expect(SERIES_INFO[name].evidence === 'hypothesis', name).toBe(e[name].tag === 'hypothesis');
  });
});
