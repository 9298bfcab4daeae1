/**
 * The evidence envelope (docs/model.md §17): the range of protocols the published trials covered, derived
 * from the data set (public/data/trials.json), never by hand. A protocol field a paper does not state
 * ("assumed") does not widen the envelope; a field no record states at all falls back to the stand-in
 * values the records use, so the envelope is never wider than what the data set says.
 */
import { scenarioSessions, type Region, type Scenario } from '../engine/index';
import { trialData, type TrialRecord } from './trials';

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface EvidenceEnvelope {
  readonly needleMm: Range;
  readonly passes: Range;
  readonly intervalDays: Range;
  readonly sessions: Range;
  readonly regions: readonly Region[];
  readonly phototypes: Range;
}

type NumericField = 'needleMm' | 'passes' | 'intervalDays' | 'sessions';

function rangeOf(values: readonly number[]): Range {
  return { min: Math.min(...values), max: Math.max(...values) };
}

function statedOrAll<T>(records: readonly TrialRecord[], field: TrialRecord['assumed'][number], pick: (r: TrialRecord) => T[]): T[] {
  const stated = records.filter((r) => !r.assumed.includes(field));
  return (stated.length > 0 ? stated : records).flatMap(pick);
}

export function deriveEnvelope(records: readonly TrialRecord[]): EvidenceEnvelope {
  const numeric = (field: NumericField): Range => rangeOf(statedOrAll(records, field, (r) => [r.protocol[field]]));
  return {
    needleMm: numeric('needleMm'),
    passes: numeric('passes'),
    intervalDays: numeric('intervalDays'),
    sessions: numeric('sessions'),
    regions: [...new Set(statedOrAll(records, 'region', (r) => [r.skin.region]))],
    phototypes: rangeOf(statedOrAll(records, 'phototypes', (r) => [...r.phototypes])),
  };
}

let shipped: EvidenceEnvelope | undefined;
/** The envelope of the shipped data set. */
export function evidenceEnvelope(): EvidenceEnvelope {
  shipped ??= deriveEnvelope(trialData().records);
  return shipped;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function covered(r: Range, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  return r.min === r.max ? `${fmt(r.min)}${u}` : `${fmt(r.min)}–${fmt(r.max)}${u}`;
}

/**
 * Why a scenario's protocol lies outside the envelope, one phrase per field ("interval 1 d: trials covered
 * 14–30 d"); empty when it lies inside. A single session has no interval to judge.
 */
export function outsideEnvelope(scenario: Scenario, envelope: EvidenceEnvelope = evidenceEnvelope()): string[] {
  return outsideEnvelopeOf({ sessions: scenarioSessions(scenario), region: scenario.skin.region, phototype: scenario.skin.phototype }, envelope);
}

/** A course as the envelope judges it: its sessions (day, needle, passes) and the skin it was done on. */
export interface JudgedCourse {
  readonly sessions: readonly { readonly day: number; readonly needleMm: number; readonly passes: number }[];
  readonly region: Region;
  readonly phototype: number;
}

/** outsideEnvelope for any course, a scenario's or the sessions rolled by hand in the session view. */
export function outsideEnvelopeOf(course: JudgedCourse, envelope: EvidenceEnvelope = evidenceEnvelope()): string[] {
  const sessions = course.sessions;
  const reasons: string[] = [];
  const judge = (values: readonly number[], range: Range, what: string, unit: string): void => {
    const out = values.filter((v) => v < range.min - 1e-9 || v > range.max + 1e-9);
    if (out.length === 0) return;
    const shown = [...new Set(out.map(fmt))].slice(0, 3).join(', ');
    reasons.push(`${what} ${shown}${unit ? ` ${unit}` : ''}: trials covered ${covered(range, unit)}`);
  };
  judge(sessions.map((s) => s.needleMm), envelope.needleMm, 'needle', 'mm');
  judge(sessions.map((s) => s.passes), envelope.passes, 'passes', '');
  const gaps: number[] = [];
  for (let k = 1; k < sessions.length; k++) gaps.push(sessions[k]!.day - sessions[k - 1]!.day);
  judge(gaps, envelope.intervalDays, 'interval', 'd');
  judge([sessions.length], envelope.sessions, 'sessions', '');
  if (!envelope.regions.includes(course.region)) reasons.push(`region ${course.region}: trials covered ${envelope.regions.join(', ')}`);
  const pt = course.phototype;
  if (pt < envelope.phototypes.min || pt > envelope.phototypes.max) {
    reasons.push(`phototype ${ROMAN[pt - 1]}: trials covered ${ROMAN[envelope.phototypes.min - 1]}–${ROMAN[envelope.phototypes.max - 1]}`);
  }
  return reasons;
}
