import type { TimeUnit } from './workspace';

/** Days per unit of the Compare charts' time axis (a month as 1/12 of a Julian year, 30.44 d). */
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 365.25 / 12 };

export function toUnit(days: number, unit: TimeUnit): number {
  return days / DAYS_PER_UNIT[unit];
}

/** A time already in `unit`, for legends and tables: 6 weeks → "week 6", 1.38 months → "month 1.4". */
export function formatInUnit(value: number, unit: TimeUnit): string {
  return `${unit.slice(0, -1)} ${Number(value.toFixed(1))}`;
}

/** A time given in days, in `unit`: day 42 → "week 6". */
export function formatTime(days: number, unit: TimeUnit): string {
  return formatInUnit(toUnit(days, unit), unit);
}
