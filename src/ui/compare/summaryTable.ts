import type { Scenario } from '../../engine/index';
import { courseStyle } from '../palette';
import type { ShownRun } from '../../compare/shownRun';
import { summariseCourse } from '../../compare/summary';
import type { SeriesEvidence } from '../../evidence/seriesEvidence';
import { formatTime } from '../../compare/timeAxis';
import { courseName, type TimeUnit } from '../../compare/workspace';
import { percent, signedPercent } from '../format';
import { el, lineSample } from '../dom';

const COLUMNS = [
  'Course',
  'Read-out',
  'Collagen gain',
  'Epidermis',
  'Scar change',
  'Peak redness',
  'Visible redness',
  'Lowest capillary integrity',
  'Peak telangiectasia',
  'Cohort: side effects, visible improvement',
  'Rests on hypotheses',
] as const;

/**
 * The "Course summary" table: each course at its read-out day (8 weeks after its last session unless a
 * day is chosen), what it cost on the way, and which numbers are hypotheses. A real table with a caption
 * and header cells, so screen readers read it cell by cell.
 */
export class SummaryTable {
  readonly root: HTMLTableElement;
  private readonly body = el('tbody');

  constructor() {
    this.root = el('table', { className: 'data-table summary-table' }, [
      el('caption', { text: 'Course summary' }),
      el('thead', {}, [el('tr', {}, COLUMNS.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]),
      this.body,
    ]);
  }

  show(items: readonly { index: number; course: Scenario; run: ShownRun | null }[], readoutDay: number | null, unit: TimeUnit): void {
    const rows = items.map(({ index, course, run }) => {
      const style = courseStyle(index);
      const nameCell = el('th', { attrs: { scope: 'row' } }, [lineSample(style.colour, style.dash), ` ${courseName(course, index)}`]);
      if (!run) return el('tr', {}, [nameCell, el('td', { text: 'not run yet', attrs: { colspan: String(COLUMNS.length - 1) } })]);
      const s = summariseCourse(course, run, index, readoutDay);
      const incidence = s.incidence
        ? `${s.patients} patients: PIH ${percent(s.incidence.pih)}, telangiectasia ${percent(s.incidence.telangiectasia)}, prolonged redness ${percent(s.incidence.prolongedErythema)}${s.improvedShare === null ? '' : `; visibly finer texture in ${percent(s.improvedShare)}`}`
        : 'one typical patient';
      const cells = [
        unit === 'days' ? `day ${Number(s.readoutDay.toFixed(1))}` : `${formatTime(s.readoutDay, unit)} (day ${Number(s.readoutDay.toFixed(1))})`,
        signedPercent(s.collagenGain),
        signedPercent(s.epidermisGain),
        s.scarChange === null ? 'no scars to treat' : signedPercent(s.scarChange),
        s.peakErythema.toFixed(2),
        `${Number(s.visibleRednessDays.toFixed(1))} days`,
        percent(s.lowestCapillaryIntegrity),
        `${s.peakTelangiectasia.toFixed(2)}${s.telangiectasiaVisible ? ' (visible)' : ''}`,
        incidence,
      ];
      // The two sentences (cohort, hypotheses) get wider columns than the figures, so rows stay short.
      const last = cells.length - 1;
      return el('tr', { attrs: { 'data-course': String(index) } }, [
        nameCell,
        ...cells.map((text, k) => el('td', { text, className: k >= last ? 'summary-text' : '' })),
        el('td', { className: 'summary-text' }, restsOn(s.evidence, s.hypotheses)),
      ]);
    });
    this.body.replaceChildren(...rows);
  }
}

/**
 * The last column: whether the protocol lies outside the trials' envelope (with the reason), then every
 * hypothesis and cap behind the row's numbers, folded so that a row stays a line or two tall.
 */
function restsOn(evidence: SeriesEvidence, hypotheses: readonly string[]): HTMLElement[] {
  const outside = evidence.tag === 'extrapolation';
  return [
    el('details', {}, [
      el('summary', { text: `${outside ? 'Extrapolation' : 'Inside the trials'}; ${hypotheses.length} hypotheses and caps` }),
      el('p', { text: `${outside ? `Extrapolation (${evidence.reason}). ` : ''}Rests on: ${hypotheses.join(', ')}.` }),
    ]),
  ];
}
