import { describe, expect, it } from 'vitest';
import type { TargetOutcome } from '../../../src/validation/check';
import { modelParameters, paramsWithScaled, parameterInfo, scaledValue } from '../../../src/validation/parameterSpace';
import { judgeSensitivity } from '../../../src/validation/sensitivity';
import type { ValidationTarget } from '../../../src/validation/targets';

const outcome = (id: string, pass: boolean): TargetOutcome => ({ id, pass, checks: [], ms: 0 });
const target = (id: string, pins: string[]): ValidationTarget => ({
  id,
  title: id,
  protocol: '',
  published: '',
  source: '',
  evidence: 'I',
  pins,
  run: () => [],
});

describe('parameter space', () => {
  it('lists nested anatomy, tuple entries and scalar constants, but not the integrator settings', () => {
    const paths = modelParameters().map((p) => p.path);
    expect(paths).toContain('regions.periorbital.oedemaGain');
    expect(paths).toContain('phiByPhototype.3');
    expect(paths).toContain('kT');
    expect(paths).not.toContain('maxStepHours');
    expect(paths).not.toContain('regions.forehead.capillaryLoopsMm'); // null: derived from the other depths
  });

  it('scales a parameter and clamps it to its schema range', () => {
    const dermis = parameterInfo('regions.cheek.dermisMm');
    expect(scaledValue(dermis, 10)).toBe(dermis.max);
    expect(paramsWithScaled('regions.cheek.dermisMm', 10).regions.cheek.dermisMm).toBe(dermis.max);
    expect(paramsWithScaled('kT', 0.1).kT).toBeCloseTo(parameterInfo('kT').value * 0.1, 12);
    expect(paramsWithScaled('needleRows', 0.1).needleRows).toBe(1);
    // Only the named parameter moves.
    expect(paramsWithScaled('kT', 10).cRe).toBe(parameterInfo('cRe').value);
  });

  it('rejects an unknown path', () => {
    expect(() => paramsWithScaled('noSuchParameter', 10)).toThrow(/unknown model parameter/);
  });
});

describe('the sensitivity verdict', () => {
  const params = [parameterInfo('kT'), parameterInfo('cRe')];
  const sweep = (kTFails: string[], cReFails: string[]) =>
    new Map([
      ['kT', { up: [outcome('A', !kTFails.includes('A')), outcome('B', !kTFails.includes('B'))], down: [outcome('A', true), outcome('B', true)], upValue: 1, downValue: 0 }],
      ['cRe', { up: [outcome('A', !cReFails.includes('A')), outcome('B', !cReFails.includes('B'))], down: [outcome('A', true), outcome('B', true)], upValue: 1, downValue: 0 }],
    ]);
  const baseline = [outcome('A', true), outcome('B', true)];

  it('passes when every parameter is noticed and every pin holds', () => {
    const v = judgeSensitivity(baseline, params, sweep(['A'], ['B']), [target('A', ['kT']), target('B', ['cRe'])], {});
    expect(v.problems).toEqual([]);
    expect(v.noticed).toBe(2);
  });

  it('flags a parameter no target notices unless it is listed free, and a free one that is noticed', () => {
    const unnoticed = judgeSensitivity(baseline, params, sweep(['A'], []), [], {});
    expect(unnoticed.problems.join('\n')).toMatch(/cRe: no target notices it/);
    const listed = judgeSensitivity(baseline, params, sweep(['A'], []), [], { cRe: 'a reason' });
    expect(listed.problems).toEqual([]);
    const wronglyFree = judgeSensitivity(baseline, params, sweep(['A'], ['B']), [], { cRe: 'a reason' });
    expect(wronglyFree.problems.join('\n')).toMatch(/cRe is listed free but B notice it/);
  });

  it('flags a declared pin the row does not notice, and a target failing with the defaults', () => {
    const v = judgeSensitivity([outcome('A', false), outcome('B', true)], params, sweep(['A'], ['A']), [target('B', ['kT'])], {});
    expect(v.problems.join('\n')).toMatch(/target A fails with the default parameters/);
    expect(v.problems.join('\n')).toMatch(/B declares it pins kT/);
  });
});
