import { writeCsv } from './csv';
import { SERIES, type SeriesName } from './outputs';
import { isCohortResult, type SimulationResult } from './simulate';

/**
 * The result as CSV, one row per sampled day: `day` then one column per series (cohorts: `<series>_median`,
 * `<series>_p10`, `<series>_p90`). Plain numbers, '.' decimal, '\n' line ends: opens in any spreadsheet.
 * With `tags` (the evidence tag per series, docs/model.md §17), a second row `evidence,<tag>,…` names each
 * column's tag before the numbers.
 */
export function resultToCsv(result: SimulationResult, tags?: Readonly<Record<SeriesName, string>>): string {
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
  const preface = tags ? [['evidence', ...SERIES.flatMap((name) => (isCohortResult(result) ? [tags[name], tags[name], tags[name]] : [tags[name]]))]] : [];
  return writeCsv({ header, preface, blocks: [{ days: result.days, columns }] });
}
