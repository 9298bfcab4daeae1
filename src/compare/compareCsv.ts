import { csvText, type Scenario, scenarioSessions, SERIES, type SeriesName, writeCsv } from '../engine/index';
import type { ShownRun } from './shownRun';
import { courseName } from './workspace';

/**
 * Export CSV of the Compare view: every series shown, one row per course and sampled day. Each row
 * names its course, seed and parameters (the id columns of the one CSV writer, engine/csv.ts), so a
 * row copied into another sheet still says where it came from; a cohort adds its 10–90 % band
 * columns. Numbers in the shortest form that reads back to the same double (export → parse gives the
 * data shown exactly).
 */
export const CSV_ID_COLUMNS = ['course', 'name', 'seed', 'region', 'phototype', 'conditions', 'protocol', 'patients', 'day'] as const;

export interface CsvCourse {
  course: Scenario;
  run: ShownRun;
}

export function compareToCsv(items: readonly CsvCourse[], series: readonly SeriesName[] = SERIES): string {
  const anyBand = items.some((i) => i.run.band !== null);
  const header: string[] = [...CSV_ID_COLUMNS];
  for (const name of series) {
    header.push(name);
    if (anyBand) header.push(`${name}_p10`, `${name}_p90`);
  }
  const blocks = items.map(({ course, run }, k) => ({
    id: [
      String(k + 1),
      csvText(courseName(course, k)),
      String(run.seed),
      course.skin.region,
      String(course.skin.phototype),
      csvText(course.skin.conditions.join(' ')),
      csvText(protocolText(course)),
      run.patients === null ? '' : String(run.patients),
    ],
    days: run.days,
    columns: series.flatMap((name) => (anyBand ? [run.value[name], run.band?.p10[name] ?? null, run.band?.p90[name] ?? null] : [run.value[name]])),
  }));
  return writeCsv({ header, blocks });
}

/** The protocol in words: "1.5 mm × 15 passes every 30 d × 3 from day 0" or "1.5 mm × 15 passes on days 0, 14, 60". */
export function protocolText(course: Scenario): string {
  const p = course.protocol;
  if (p) return `${p.needleMm} mm × ${p.passes} passes every ${p.intervalDays} d × ${p.sessions} from day ${p.startDay}${p.pressure !== 1 ? `, pressure ${p.pressure}` : ''}`;
  const s = scenarioSessions(course);
  const same = s.every((x) => x.needleMm === s[0]!.needleMm && x.passes === s[0]!.passes);
  if (same) return `${s[0]!.needleMm} mm × ${s[0]!.passes} passes on days ${s.map((x) => x.day).join(' ')}`;
  return s.map((x) => `day ${x.day}: ${x.needleMm} mm × ${x.passes}`).join('; ');
}
