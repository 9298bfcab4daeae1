import { isCohortResult, type SimulationResult } from './simulate';
import { SERIES } from './outputs';

/**
 * The result as CSV, one row per sampled day: `day` then one column per series (cohorts: `<series>_median`,
 * `<series>_p10`, `<series>_p90`). Plain numbers, '.' decimal, '\n' line ends: opens in any spreadsheet.
 */
export function resultToCsv(result: SimulationResult): string {
  const header = ['day'];
  const columns: (readonly number[])[] = [];
  for (const name of SERIES) {
    if (isCohortResult(result)) {
      const band = result.series[name];
      header.push(`${name}_median`, `${name}_p10`, `${name}_p90`);
      columns.push(band.median, band.p10, band.p90);
    } else {
      header.push(name);
      columns.push(result.series[name]);
    }
  }
  const lines = [header.join(',')];
  result.days.forEach((day, t) => {
    lines.push([day, ...columns.map((c) => c[t])].join(','));
  });
  return `${lines.join('\n')}\n`;
}
