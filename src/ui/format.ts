/** Number formatting with units for readouts, the inspector and announcements (pure, unit-tested). */

/** A fraction of baseline as a signed percentage: 0.123 → "+12 %", −0.26 → "−26 %". */
export function signedPercent(fraction: number, digits = 0): string {
  const v = fraction * 100;
  const rounded = Number(v.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${Math.abs(rounded).toFixed(digits)} %`;
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
  const day = Math.floor(h / 24);
  const hh = String(h % 24).padStart(2, '0');
  return `Day ${day}, ${hh}:00`;
}

/** Duration in days with a sensible unit: 0.5 → "12 h", 3 → "3 days". */
export function duration(days: number): string {
  if (days < 1) return `${Math.round(days * 24)} h`;
  const d = Number(days.toFixed(1));
  return `${d} day${d === 1 ? '' : 's'}`;
}

/** The announcement of issue #4: "Session 2 done: 15 passes, 1.5 mm, 243 punctures/cm²". */
export function sessionAnnouncement(s: { index: number; meanPasses: number; needleMm: number; densityPerCm2: number }): string {
  return `Session ${s.index} done: ${Math.round(s.meanPasses)} passes, ${s.needleMm} mm, ${Math.round(s.densityPerCm2)} punctures/cm²`;
}
