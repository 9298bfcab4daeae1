import type { AppStore } from '../appStore';
import { byId, download, setText } from '../dom';
import { LiveChart } from '../liveChart';
import { chartHeightPx } from '../chartAxes';
import { HOURS_PER_DAY } from '../../engine/index';

/** Chart height for a width: wide charts get taller, within limits (px). */
export function chartHeight(width: number): number {
  return chartHeightPx(width, { minPx: 220, maxPx: 380 });
}

/**
 * The live chart: follows the store's chart history and session days, grows with its column
 * (ResizeObserver), redraws at most 4 times a second, and keeps its text alternative and CSV current.
 */
export function mountChart(store: AppStore): void {
  const host = byId('chart');
  const width = (): number => Math.max(260, Math.floor(host.clientWidth || 360));
  const chart = new LiveChart(host, store.chart, width(), chartHeight(width()));
  let due = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const desc = byId('chart-desc');
  const redraw = (): void => {
    timer = null;
    if (!due) return;
    due = false;
    const days = store.sessionDays.get();
    chart.redraw(days);
    const c = store.chart;
    const n = c.length - 1;
    if (n < 0) return;
    setText(
      desc,
      `Day ${c.days[n]!.toFixed(1)}: collagen gain ${c.collagenPct[n]!.toFixed(0)} %, capillary integrity (acute) ${c.integrityPct[n]!.toFixed(0)} %, ` +
        `erythema ${c.erythema[n]!.toFixed(2)}, telangiectasia (lasting) ${c.telangiectasia[n]!.toFixed(2)}. ` +
        `Sessions on days ${days.map((d) => d.toFixed(0)).join(', ') || 'none yet'}.`,
    );
  };
  const schedule = (): void => {
    due = true;
    if (timer === null) timer = setTimeout(redraw, 250);
  };
  store.chartVersion.watch(schedule);
  store.sessionDays.subscribe(schedule);
  new ResizeObserver(() => {
    const w = width();
    chart.resize(w, chartHeight(w));
  }).observe(host);

  byId('chart-csv').addEventListener('click', () => {
    const blob = new Blob([store.chart.toCsv()], { type: 'text/csv' });
    download(blob, `skinsim-seed${store.settings.get().seed}-day${Math.floor(store.clockHours.get() / HOURS_PER_DAY)}.csv`);
  });
}
