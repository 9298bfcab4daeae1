import type { TimeUnit } from './workspace';

/** Days per unit of the Compare charts' time axis (a month as 1/12 of a Julian year, 30.44 d). */
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 365.25 / 12 };

export function toUnit(days: number, unit: TimeUnit): number {
  return days / DAYS_PER_UNIT[unit];
}

/** Axis label: "days", "weeks", "months". */
export function unitLabel(unit: TimeUnit): string {
  return unit;
}

/** A time for legends and tables: day 42 → "day 42", "week 6", "month 1.4". */
export function formatTime(days: number, unit: TimeUnit): string {
  const v = toUnit(days, unit);
  const text = unit === 'days' ? String(Math.round(v * 10) / 10) : String(Math.round(v * 10) / 10);
  return `${unit.slice(0, -1)} ${text}`;
}
