import type { SeriesName } from '../../engine/index';
import type { Workspace } from '../../compare/workspace';
import type { CompareModel } from './compareModel';
import type { CompareResults } from './compareResults';
import type { DoseMapModel } from './doseMapModel';

/** What end-to-end tests read instead of pixels. */
export interface CompareTestHook {
  workspace(): Workspace;
  statuses(): (string | null)[];
  chartData(series: SeriesName): { names: string[]; x: number[]; values: (number | null)[][]; published: string[] } | null;
  doseMap(): { status: string; done: number };
  /** The central series of course `index` as the engine gave them (not scaled for display), for hashing against the CLI. */
  resultSeries(index: number): { days: number[]; series: Record<string, number[]> } | null;
  /** True when no course is running and every course has a result. */
  settled(): boolean;
}

declare global {
  interface Window {
    __skinsimCompare?: CompareTestHook;
  }
}

export function installCompareTestHook(model: CompareModel, results: CompareResults, doseMap: DoseMapModel): void {
  window.__skinsimCompare = {
    workspace: () => model.workspace.get(),
    statuses: () => model.workspace.get().courses.map((_, k) => model.runOf(k)?.status ?? null),
    chartData: (series) => {
      const chart = results.charts.get(series);
      const d = chart?.data;
      return d && chart ? { names: d.courses.map((c) => c.name), x: d.x, values: d.courses.map((c) => c.values), published: chart.points.map((p) => p.id) } : null;
    },
    doseMap: () => ({ status: doseMap.state.get().status, done: doseMap.state.get().done }),
    resultSeries: (index) => {
      const r = model.runOf(index)?.result;
      if (!r) return null;
      const series: Record<string, number[]> = {};
      for (const [name, values] of Object.entries(r.value)) series[name] = Array.from(values as ArrayLike<number>);
      return { days: Array.from(r.days), series };
    },
    settled: () => model.workspace.get().courses.every((_, k) => model.runOf(k)?.status === 'done') && !results.pending,
  };
}
