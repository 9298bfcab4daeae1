import { gradeFlags, type Scenario, SERIES_INFO, type SeriesName, VISIBLE } from '../engine/index';
import { hypothesesBehind, resultEvidence, type SeriesEvidence } from '../evidence/seriesEvidence';
import type { ShownRun } from './shownRun';
import { valueAtDay } from './shownRun';
import { courseName, readoutDayOf } from './workspace';

/**
 * One row of the "Course summary" table: what a course gives at its read-out day and what it cost on
 * the way. Values are fractions/indices as the engine reports them (the view formats them); a cohort
 * is summarised by its median curves plus the incidence of visible side effects.
 */
export interface CourseSummary {
  name: string;
  readoutDay: number;
  collagenGain: number;
  epidermisGain: number;
  /** Change of scar severity, or null when the skin has no scars to change. */
  scarChange: number | null;
  peakErythema: number;
  /** Days on which the (median) patch erythema was visible (> the engine's threshold). */
  visibleRednessDays: number;
  lowestCapillaryIntegrity: number;
  peakTelangiectasia: number;
  telangiectasiaVisible: boolean;
  /** Cohort only: shares of patients with each visible side effect. */
  incidence: ShownRun['incidence'];
  patients: number | null;
  /** Cohort only: share of patients whose texture is visibly better (≥ 1 grade) at the read-out day. */
  improvedShare: number | null;
  /**
   * Everything the row's numbers rest on that is ours, not data: the series that are hypotheses, every
   * hypothesis and cap behind the summary's series (docs/model.md §17), and the mechanisms a warning
   * brings into play.
   */
  hypotheses: string[];
  /** Evidence of the headline number (collagen gain) for this protocol: data, or extrapolation with the reason. */
  evidence: SeriesEvidence;
}

const SUMMARY_SERIES: readonly SeriesName[] = ['collagenGain', 'epidermisGain', 'scarSeverity', 'erythema', 'capillaryIntegrity', 'telangiectasia'];

/**
 * Model mechanisms tagged [I] in docs/model.md that a course's numbers rest on, named by the warning
 * the engine gives when the course brings them into play.
 */
const MECHANISMS: Readonly<Record<string, string>> = {
  'too-many-passes': 'saturating growth-factor release and one-session capillary breakage [I]',
  'needle-below-dermis': 'channels below the dermis bruise instead of building collagen [I]',
  'capillaries-not-recovered': 're-injured capillaries turn into telangiectasia [I]',
  'interval-too-short': 're-injured capillaries turn into telangiectasia [I]',
};

export function summariseCourse(course: Scenario, run: ShownRun, index: number, workspaceReadoutDay: number | null): CourseSummary {
  const readoutDay = readoutDayOf(course, workspaceReadoutDay);
  const v = run.value;
  const days = run.days;
  let peakErythema = 0;
  let lowestV = 1;
  let peakT = 0;
  let redDays = 0;
  for (let t = 0; t < days.length; t++) {
    const e = v.erythema[t]!;
    if (e > peakErythema) peakErythema = e;
    if (e > VISIBLE.erythema) redDays += (days[t + 1] ?? days[t]! + sampleStep(days)) - days[t]!;
    lowestV = Math.min(lowestV, v.capillaryIntegrity[t]!);
    peakT = Math.max(peakT, v.telangiectasia[t]!);
  }
  const evidence = resultEvidence(course);
  const hypotheses = SUMMARY_SERIES.filter((name) => SERIES_INFO[name].evidence === 'hypothesis').map((name) => SERIES_INFO[name].label);
  for (const h of hypothesesBehind(evidence, SUMMARY_SERIES)) if (!hypotheses.includes(h)) hypotheses.push(h);
  for (const w of run.warnings) {
    const mechanism = MECHANISMS[w.code];
    if (mechanism && !hypotheses.includes(mechanism)) hypotheses.push(mechanism);
  }
  return {
    name: courseName(course, index),
    readoutDay,
    collagenGain: valueAtDay(days, v.collagenGain, readoutDay),
    epidermisGain: valueAtDay(days, v.epidermisGain, readoutDay),
    scarChange: gradeFlags(course.skin.conditions).scars ? valueAtDay(days, v.scarSeverity, readoutDay) : null,
    peakErythema,
    visibleRednessDays: redDays,
    lowestCapillaryIntegrity: lowestV,
    peakTelangiectasia: peakT,
    telangiectasiaVisible: peakT > VISIBLE.telangiectasia,
    incidence: run.incidence,
    patients: run.patients,
    improvedShare: run.improvedShare ? valueAtDay(days, run.improvedShare, readoutDay) : null,
    hypotheses,
    evidence: evidence.collagenGain,
  };
}

function sampleStep(days: ArrayLike<number>): number {
  return days.length > 1 ? days[1]! - days[0]! : 1;
}
