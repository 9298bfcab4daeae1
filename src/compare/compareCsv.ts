import { type Scenario, scenarioSessions, SERIES, type SeriesName } from '../engine/index';
import type { ShownRun } from './shownRun';
import { courseName } from './workspace';

/**
 * Export CSV of the Compare view: every series shown, one row per course and sampled day. Each row
 * names its course, seed and parameters, so a row copied into another sheet still says where it came
 * from; a cohort adds its 10–90 % band columns. Plain numbers with '.' decimals, written in the
 * shortest form that reads back to the same double (so export → parse gives the data shown exactly).
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
  const lines = [header.join(',')];
  items.forEach(({ course, run }, k) => {
    const id = [
      String(k + 1),
      csvText(courseName(course, k)),
      String(run.seed),
      course.skin.region,
      String(course.skin.phototype),
      csvText(course.skin.conditions.join(' ')),
      csvText(protocolText(course)),
      run.patients === null ? '' : String(run.patients),
    ];
    for (let t = 0; t < run.days.length; t++) {
      const row = [...id, String(run.days[t])];
      for (const name of series) {
        row.push(String(run.value[name][t]));
        if (anyBand) {
          row.push(run.band ? String(run.band.p10[name][t]) : '', run.band ? String(run.band.p90[name][t]) : '');
        }
      }
      lines.push(row.join(','));
    }
  });
  return `${lines.join('\n')}\n`;
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

/**
 * A text cell, quoted when needed. Names come from shared links and files: a leading = + - @ would run
 * as a formula in a spreadsheet (CSV injection, OWASP), so such cells are prefixed with an apostrophe.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Parses a CSV written by compareToCsv (RFC 4180 quoting) into header and rows of cells. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    records.push(row);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}
