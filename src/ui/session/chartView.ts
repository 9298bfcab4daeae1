import type { AppStore } from '../appStore';
import { byId, download, setText } from '../dom';
import { LiveChart } from '../liveChart';
import { chartHeightPx } from '../chartAxes';
import { LIVE_SERIES_ORDER, seriesDisplay } from '../seriesDisplay';
import type { ReadonlyAtom } from '../store';
import { evidenceSentence, showEvidenceTag } from './evidenceTags';
import { HOURS_PER_DAY } from '../../engine/index';

/** Chart height for a width: wide charts get taller, within limits (px). */
export function chartHeight(width: number): number {
  return chartHeightPx(width, { minPx: 220, maxPx: 380 });
}

/**
 * The live chart: follows the store's chart history and session days, grows with its column
 * (ResizeObserver), redraws at most 4 times a second, and keeps its text alternative and CSV current.
 */
export function mountChart(store: AppStore, evidenceReason: ReadonlyAtom<string>): void {
  const host = byId('chart');
  const width = (): number => Math.max(260, Math.floor(host.clientWidth || 360));
  const chart = new LiveChart(host, store.chart, width(), chartHeight(width()));
  mountLegendTags(chart, evidenceReason);
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
        `Sessions on days ${days.map((d) => d.toFixed(0)).join(', ') || 'none yet'}. ` +
        `Evidence of collagen, erythema and oedema: ${evidenceSentence(evidenceReason.get())}; capillary integrity and telangiectasia are hypotheses.`,
    );
  };
  const schedule = (): void => {
    due = true;
    if (timer === null) timer = setTimeout(redraw, 250);
  };
  store.chartVersion.watch(schedule);
  store.sessionDays.subscribe(schedule);
  evidenceReason.subscribe(schedule);
  new ResizeObserver(() => {
    const w = width();
    chart.resize(w, chartHeight(w));
  }).observe(host);

  byId('chart-csv').addEventListener('click', () => {
    const blob = new Blob([store.chart.toCsv()], { type: 'text/csv' });
    download(blob, `skinsim-seed${store.settings.get().seed}-day${Math.floor(store.clockHours.get() / HOURS_PER_DAY)}.csv`);
  });
}

/**
 * An evidence tag after each line's legend label, as beside the readouts: "hypothesis" for the lines
 * that rest on one, and for the others "data" or "extrapolation" (with the reason) as the sessions rolled
 * so far leave the trials' protocols.
 */
function mountLegendTags(chart: LiveChart, evidenceReason: ReadonlyAtom<string>): void {
  const labels = chart.legendLabels();
  const dataTags: HTMLElement[] = [];
  LIVE_SERIES_ORDER.forEach((name, k) => {
    const label = labels[k];
    if (!label) return;
    const d = seriesDisplay(name);
    const tag = document.createElement('span');
    tag.className = 'tag tag-hyp';
    tag.textContent = 'hypothesis';
    tag.title = d.source;
    label.append(' ', tag);
    if (d.evidence === 'data') dataTags.push(tag);
  });
  evidenceReason.watch((why) => {
    for (const tag of dataTags) showEvidenceTag(tag, why);
  });
}
