/** Number formatting with units for readouts, the inspector and announcements (pure, unit-tested). */
import { HOURS_PER_DAY } from '../engine/index';

/** A number rounded to `digits` decimals with its sign always written: 12.3 → "+12", −0.004 → "±0" (digits 0). */
function signed(value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${Math.abs(rounded).toFixed(digits)}`;
}

/** A fraction of baseline as a signed percentage: 0.123 → "+12 %", −0.26 → "−26 %". */
export function signedPercent(fraction: number, digits = 0): string {
  return `${signed(fraction * 100, digits)} %`;
}

/** A 0–1 fraction as a plain percentage: 0.973 → "97 %". */
export function percent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** A dimensionless model index with its unit word: 0.4231 → "0.42 index". */
export function indexValue(value: number, digits = 2): string {
  return `${value.toFixed(digits)} index`;
}

/** Simulated time: hour 294 → "Day 12, 06:00". */
export function dayLabel(hour: number): string {
  const h = Math.max(0, Math.floor(hour));
  const day = Math.floor(h / HOURS_PER_DAY);
  const hh = String(h % HOURS_PER_DAY).padStart(2, '0');
  return `Day ${day}, ${hh}:00`;
}

/** Duration in days with a sensible unit: 0.5 → "12 h", 3 → "3 days". */
export function duration(days: number): string {
  if (days < 1) return `${Math.round(days * HOURS_PER_DAY)} h`;
  const d = Number(days.toFixed(1));
  return `${d} day${d === 1 ? '' : 's'}`;
}

/** The announcement of issue #4: "Session 2 done: 15 passes, 1.5 mm, 243 punctures/cm²". */
export function sessionAnnouncement(s: { index: number; meanPasses: number; needleMm: number; densityPerCm2: number }): string {
  return `Session ${s.index} done: ${sessionDetails(s)}`;
}

/** What a session was (the sessions list, and the announcement after its number): "3 passes, 1.5 mm, 180 punctures/cm²". */
export function sessionDetails(s: { meanPasses: number; needleMm: number; densityPerCm2: number }): string {
  return `${Math.round(s.meanPasses)} passes, ${s.needleMm} mm, ${Math.round(s.densityPerCm2)} punctures/cm²`;
}

/**
 * A value shown next to a threshold so that the shown numbers agree with the comparison (issue 10:
 * "0.10 > 0.1" reads as a contradiction). Starts at `digits` decimals and adds decimals (up to
 * `maxDigits`) until the rounded value sits on the same side of the threshold as the value itself,
 * so text and verdict never disagree; a value that no decimal separates from the threshold counts as
 * at it (not above).
 */
export function thresholdReading(value: number, threshold: number, digits = 2, maxDigits = 4): { text: string; threshold: string; above: boolean } {
  for (let d = digits; d <= maxDigits; d++) {
    const text = value.toFixed(d);
    if (Number(text) > threshold === value > threshold) return { text, threshold: threshold.toFixed(d), above: value > threshold };
  }
  // Within rounding of the threshold even at the last decimal (float32 noise): at it, not above it.
  return { text: value.toFixed(digits), threshold: threshold.toFixed(digits), above: false };
}

/** A condition's own share of an index counts as pre-existing while the value has not risen above it by this much. */
const PRE_EXISTING_MARGIN = 0.005;

/**
 * An index readout with its visible verdict taken from the engine's threshold (SERIES_INFO/VISIBLE),
 * formatted so the shown number agrees with the verdict, and the part a condition brought along
 * (rosacea's vessels) named as pre-existing rather than the user's doing.
 */
export function indexReadout(value: number, threshold: number, digits: number, baseline = 0, condition = 'a condition'): string {
  const r = thresholdReading(value, threshold, digits);
  const verdict = r.above ? 'visible' : '';
  const preExisting = baseline > 0.001 && baseline >= threshold * 0.5;
  let note = verdict;
  if (preExisting && value - baseline < PRE_EXISTING_MARGIN) note = `${verdict ? `${verdict}, ` : ''}pre-existing: ${condition}`;
  else if (preExisting) note = `${verdict ? `${verdict}; ` : ''}${baseline.toFixed(digits)} was there before (${condition})`;
  return `${r.text} index${note ? ` (${note})` : ''}`;
}

/**
 * A change of a clinical grade (0–4 scale, negative = better): −0.824 → "−0.82 grades", 0 → "±0.00 grades".
 * Two decimals: a quarter of a grade is what graders distinguish at best, and the readout moves visibly.
 */
export function gradeChange(value: number): string {
  const text = signed(value, 2);
  // One sign character, then the magnitude: exactly one grade is singular.
  return `${text} grade${text.slice(1) === '1.00' ? '' : 's'}`;
}
