/**
 * The mechanisms of the second model revision (docs/model.md §5, §7, §9) one by one: the flare in the
 * erythema readout, the saturating growth-factor release that does not depend on how the dose is
 * split, capillary breakage by one session past u_crit, the dermis bottom, the indication grades
 * only for the skin that has the indication, and keloid tendency never lowering collagen.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  injuryFactors,
  emptyInjuryFactors,
  makeGrid,
  patchMeans,
  penetrationMm,
  PunctureBuffer,
  Rng,
  resolveAnatomy,
  runSinglePatient,
  saturatedDermalDose,
  shareDeeperThan,
  gradeFlags,
} from '../../../src/engine/index';
import { allocateFields } from '../../../src/engine/fields';
import { InjuryScratch } from '../../../src/engine/injury';
import { referenceScenario, referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

describe('the flare', () => {
  it('reads as erythema = I + R, in patch means and in a cell', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    const f = sim.fields;
    const i = 16 * 32 + 16;
    expect(f.I[i]).toBe(0);
    expect(f.R[i]).toBeGreaterThan(0);
    expect(sim.inspect(16, 16).outputs.erythema).toBeCloseTo(f.I[i]! + f.R[i]!, 7);
    let sum = 0;
    for (let k = 0; k < f.R.length; k++) sum += f.I[k]! + f.R[k]!;
    expect(sim.means().erythema).toBeCloseTo(sum / f.R.length, 7);
  });

  it('fades with τ_R: a 0.25 mm session flushes for a few hours only', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession({ ...REFERENCE_SESSION, needleMm: 0.25 });
    const r0 = sim.fields.R[500]!;
    sim.advanceTo(6);
    expect(sim.fields.R[500]! / r0).toBeCloseTo(Math.exp(-6 / 24 / DEFAULT_PARAMS.tauR), 5);
    expect(sim.means().erythema).toBeLessThan(0.15);
  });
});

describe('saturating growth-factor release', () => {
  it('is S(1) = 1 at one reference dose, concave, and bounded', () => {
    const u = DEFAULT_PARAMS.uSat;
    expect(saturatedDermalDose(1, u)).toBeCloseTo(1, 12);
    expect(saturatedDermalDose(3, u)).toBeLessThan(3);
    expect(saturatedDermalDose(3, u)).toBeGreaterThan(saturatedDermalDose(2, u));
    expect(saturatedDermalDose(1e6, u)).toBeCloseTo(1 / -Math.expm1(-1 / u), 9);
  });

  it('gives the same damage whether a dose comes in one stroke or in many', () => {
    const grid = makeGrid({ cells: 64 });
    const anatomy = resolveAnatomy(DEFAULT_PARAMS, 'cheek');
    const punctures = Array.from({ length: 60 }, (_, k) => [20 + (k % 7) * 0.3, 20 + Math.floor(k / 7) * 0.3, 0.75] as const);
    const once = allocateFields(grid, 'float64');
    const split = allocateFields(grid, 'float64');
    const scratch = new InjuryScratch(grid, DEFAULT_PARAMS, anatomy);
    const all = new PunctureBuffer(64);
    for (const [x, y, d] of punctures) all.push(x, y, d);
    scratch.deposit(all, 0);
    scratch.applyJumps(once, 0, DEFAULT_PARAMS);
    scratch.reset();
    for (const [x, y, d] of punctures) {
      const one = new PunctureBuffer(1);
      one.push(x, y, d);
      scratch.deposit(one, 0);
      scratch.applyJumps(split, 0, DEFAULT_PARAMS);
    }
    let worst = 0;
    let peak = 0;
    for (let i = 0; i < once.D.length; i++) {
      worst = Math.max(worst, Math.abs(once.D[i]! - split.D[i]!));
      peak = Math.max(peak, once.D[i]!);
    }
    expect(peak).toBeGreaterThan(1); // well into saturation
    // The jumps depend on the hour's totals only, which both orders accumulate identically: the same bits.
    expect(worst).toBe(0);
  });
});

describe('capillary breakage by one session', () => {
  it('adds telangiectasia 1 − e^(−c_agg·(u_vas − u_crit)) exactly where the session passed u_crit', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession({ ...REFERENCE_SESSION, passes: 45 });
    const f = sim.fields;
    const { uCrit, cAgg, cDeepT } = DEFAULT_PARAMS;
    let above = 0;
    for (let i = 0; i < f.T.length; i++) {
      const excess = Math.max(0, f.sessionVascular[i]! - uCrit);
      if (excess > 0) above++;
      // First session: V⁻ = 1, so the re-injury term adds nothing; the deep plexus adds c_dT·u_sub
      // for the rare needle below the dermis (u_sub is the purpura the session left).
      expect(f.T[i]!).toBeCloseTo(-Math.expm1(-cAgg * excess - cDeepT * f.Pu[i]!), 6);
    }
    expect(above).toBeGreaterThan(f.T.length / 2);
  });
});

describe('the dermis bottom', () => {
  const periorbital = resolveAnatomy(DEFAULT_PARAMS, 'periorbital');
  const bottom = periorbital.epidermisMm + periorbital.dermisMm;

  it('caps dermal injury at the dermis and turns the rest into bruising', () => {
    const at = (d: number) => injuryFactors(DEFAULT_PARAMS, periorbital, d, emptyInjuryFactors());
    expect(at(bottom + 0.3).dermal).toBeCloseTo(at(bottom).dermal, 12);
    expect(at(bottom).subdermal).toBe(0);
    expect(at(bottom + 0.31).subdermal).toBeCloseTo(0.31 / DEFAULT_PARAMS.dermalInjuryScaleMm, 12);
  });

  it('expects most periorbital punctures of a 1.5 mm needle below the dermis and almost none on the cheek', () => {
    expect(shareDeeperThan(DEFAULT_PARAMS, 1.5, 1, 1, bottom)).toBeGreaterThan(0.5);
    const cheek = resolveAnatomy(DEFAULT_PARAMS, 'cheek');
    expect(shareDeeperThan(DEFAULT_PARAMS, 1.5, 1, 1, cheek.epidermisMm + cheek.dermisMm)).toBeLessThan(0.01);
    // The normal tail matches a count of sampled depths within sampling error (σ ≈ 0.003 for 20 000).
    const rng = new Rng(9, 'depths');
    let deeper = 0;
    for (let k = 0; k < 20000; k++) if (penetrationMm(DEFAULT_PARAMS, 2, 1.1, 1, rng.normal()) > 1.08) deeper++;
    expect(Math.abs(deeper / 20000 - shareDeeperThan(DEFAULT_PARAMS, 2, 1.1, 1, 1.08))).toBeLessThan(0.012);
  });
});

describe('indication grades and scars', () => {
  it('are zero without their indication (texture applies to every skin)', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceTo(60 * 24);
    const none = patchMeans(sim.fields, sim.params, undefined, gradeFlags([]));
    expect(none.scarSeverity).toBe(0);
    expect(none.wrinkleSeverity).toBe(0);
    expect(none.laxitySeverity).toBe(0);
    expect(none.textureSeverity).toBeLessThan(0);
    const all = patchMeans(sim.fields, sim.params, undefined, gradeFlags(['stretch-marks', 'wrinkles', 'laxity']));
    // Third revision (docs/model.md §7): scars from mature collagen, grades saturating at G0.
    const { gScar, gradeBaseline: g0, cWrinkleGrade, cLaxityGrade } = DEFAULT_PARAMS;
    expect(all.scarSeverity).toBeCloseTo(-gScar * all.collagen1, 12);
    expect(all.wrinkleSeverity).toBeCloseTo(-g0 * (1 - Math.exp(-all.collagen1 / cWrinkleGrade)), 12);
    expect(all.laxitySeverity).toBeCloseTo(-g0 * (1 - Math.exp(-all.collagen1 / cLaxityGrade)), 12);
  });

  it('never improve past the baseline grade, however much mature collagen forms (V20 per cell)', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.fields.C1.fill(50);
    sim.fieldsChanged();
    const m = patchMeans(sim.fields, sim.params, undefined, gradeFlags(['wrinkles', 'laxity']));
    for (const grade of [m.wrinkleSeverity, m.laxitySeverity, m.textureSeverity]) {
      expect(grade).toBeGreaterThanOrEqual(-DEFAULT_PARAMS.gradeBaseline);
      expect(grade).toBeLessThan(-0.99 * DEFAULT_PARAMS.gradeBaseline);
    }
  });

  it('texture pays for telangiectasia and immature collagen: the "plastic" look (b_T·T + b_d·max(0, C3 − C1))', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.fields.C1.fill(0.3);
    sim.fieldsChanged();
    const clean = patchMeans(sim.fields, sim.params).textureSeverity;
    sim.fields.T.fill(0.4);
    sim.fields.C3.fill(0.5);
    sim.fieldsChanged();
    const plastic = patchMeans(sim.fields, sim.params).textureSeverity;
    const { textureTelangiectasiaPenalty: bT, textureDisorderPenalty: bD } = DEFAULT_PARAMS;
    expect(plastic - clean).toBeCloseTo(bT * 0.4 + bD * 0.2, 6);
  });
});

describe('keloid tendency', () => {
  it('never lowers the collagen gain of a monthly course over two years, and warns of raised scars', () => {
    const run = (conditions: ('keloid-tendency' | 'acne-scars')[]) =>
      runSinglePatient(referenceScenario({ skin: { region: 'cheek', phototype: 3, conditions }, protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 5 }, days: 730, sampleEveryDays: 5, cells: 32 })).result;
    const plain = run([]);
    const keloid = run(['keloid-tendency']);
    const lower = plain.series.collagenGain.flatMap((g, t) => (keloid.series.collagenGain[t]! < g ? [plain.days[t]] : []));
    expect(lower).toEqual([]);
    expect(keloid.warnings.find((w) => w.code === 'contraindication-keloid-tendency')?.message).toMatch(/raised \(hypertrophic or keloid\) scars/);
  });
});
