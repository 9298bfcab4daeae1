import { COHORT_DEFAULT_CELLS } from '../../engine/index';
import { createWebPool } from '../../pool/webPool';
import type { JobPool } from '../../pool/scenarioJobs';
import { formatFigure, formatRange, type TargetOutcome } from '../../validation/check';
import { VALIDATION_TARGETS, type ValidationTarget } from '../../validation/targets';
import { el } from '../dom';

/**
 * "How good is the model?" (docs/model.md §14, §18): every validation target run live in the worker pool at
 * the cohort grid, row by row: protocol, published figure with its tolerance and source, the model's
 * figures, pass or fail, and the parameters the row pins. The rows are src/validation/targets.ts, the table
 * `npm test` runs, at the same grid, so the panel cannot give a different verdict from the tests.
 */
export class ModelPanel {
  private readonly status = el('p', { className: 'model-status', attrs: { role: 'status' } });
  private readonly progress = el('progress', { attrs: { max: String(VALIDATION_TARGETS.length), value: '0', 'aria-label': 'Targets checked' } });
  private readonly rerun = el('button', { className: 'secondary', text: 'Run the checks again', attrs: { type: 'button' } });
  private readonly body = el('tbody');
  private readonly cells = new Map<string, { model: HTMLElement; verdict: HTMLElement; row: HTMLElement }>();
  private pool: JobPool | null = null;
  private running = false;

  constructor(private readonly host: HTMLElement) {
    this.rerun.addEventListener('click', () => void this.run());
    const table = el('table', { className: 'data-table model-table' }, [
      el('caption', { text: `Validation targets at the cohort grid (${COHORT_DEFAULT_CELLS}×${COHORT_DEFAULT_CELLS} cells), the same table npm test checks` }),
      el('thead', {}, [
        el('tr', {}, ['Target', 'Protocol', 'Published (tolerance, source)', 'Model', 'Verdict', 'Pins'].map((h) => el('th', { text: h, attrs: { scope: 'col' } }))),
      ]),
      this.body,
    ]);
    for (const t of VALIDATION_TARGETS) this.body.append(this.rowFor(t));
    host.append(
      el('p', {
        className: 'model-intro',
        text:
          'Each row runs a published trial’s protocol (or a clinical consensus, or one of our hypothesis calibrations) through the model and compares. ' +
          'Evidence: [V] a trial, [S] clinical consensus, [I] our hypothesis. "Pins" are the parameters whose × 10 or × 0.1 makes the row fail (npm run test:sensitivity).',
      }),
      el('div', { className: 'model-actions' }, [this.progress, this.status, this.rerun]),
      el('div', { className: 'model-table-box' }, [table]),
    );
  }

  private rowFor(t: ValidationTarget): HTMLElement {
    // data-label: the column's name, shown before each cell where the phone stacks a row into a card.
    const model = el('td', { className: 'model-figures', text: 'waiting', attrs: { 'data-label': 'Model' } });
    const verdict = el('td', { className: 'model-verdict', text: '…', attrs: { 'data-label': 'Verdict' } });
    const row = el('tr', { attrs: { 'data-target': t.id } }, [
      el('th', { attrs: { scope: 'row' } }, [el('span', { className: 'model-id', text: t.id }), ` ${t.title}`]),
      el('td', { text: t.protocol, attrs: { 'data-label': 'Protocol' } }),
      el('td', { text: `${t.published} — ${t.source}`, attrs: { 'data-label': 'Published' } }),
      model,
      verdict,
      el('td', { className: 'model-pins', attrs: { 'data-label': 'Pins' } }, [t.pins.length > 0 ? pinList(t.pins) : '— (an invariant: no parameter × 10 or × 0.1 breaks it)']),
    ]);
    this.cells.set(t.id, { model, verdict, row });
    return row;
  }

  /** Runs every row in the pool, filling rows as they finish; a second call while running does nothing. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.rerun.disabled = true;
    this.pool ??= createWebPool();
    const pool = this.pool;
    const started = performance.now();
    let done = 0;
    let failed = 0;
    this.progress.value = 0;
    for (const { model, verdict, row } of this.cells.values()) {
      model.textContent = 'running…';
      verdict.textContent = '…';
      row.removeAttribute('data-verdict');
    }
    this.status.textContent = `Checking ${VALIDATION_TARGETS.length} targets…`;
    await Promise.all(
      VALIDATION_TARGETS.map(async (t) => {
        let outcome: TargetOutcome;
        try {
          const result = await pool.submit({ kind: 'validation', ids: [t.id], cells: COHORT_DEFAULT_CELLS }).promise;
          if (result.kind !== 'validation' || !result.outcomes[0]) throw new Error('the worker gave no outcome');
          outcome = result.outcomes[0];
        } catch (e) {
          outcome = { id: t.id, pass: false, checks: [], error: e instanceof Error ? e.message : String(e), ms: 0 };
        }
        this.show(outcome);
        done++;
        if (!outcome.pass) failed++;
        this.progress.value = done;
        this.status.textContent = `${done} of ${VALIDATION_TARGETS.length} targets checked${failed > 0 ? `, ${failed} failed` : ''}…`;
      }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.status.textContent =
      failed === 0
        ? `All ${VALIDATION_TARGETS.length} targets pass (${seconds} s).`
        : `${failed} of ${VALIDATION_TARGETS.length} targets fail (${seconds} s): see the rows marked “fails”.`;
    this.running = false;
    this.rerun.disabled = false;
  }

  private show(o: TargetOutcome): void {
    const cell = this.cells.get(o.id);
    if (!cell) return;
    const lines = o.error
      ? [el('li', { text: `could not run: ${o.error}` })]
      : o.checks.map((c) => el('li', { text: `${c.pass ? '✓' : '✗'} ${c.label}: ${formatFigure(c.value)} (accepted ${formatRange(c.low, c.high)})` }));
    cell.model.replaceChildren(el('ul', {}, lines));
    cell.verdict.textContent = o.pass ? 'passes' : 'fails';
    cell.row.setAttribute('data-verdict', o.pass ? 'pass' : 'fail');
  }

  close(): void {
    this.pool?.close();
    this.pool = null;
  }
}

let panel: ModelPanel | null = null;

/** Opens the dialog; the panel (and its pool) is built the first time, and the checks run on each opening. */
export function openModelDialog(dialog: HTMLDialogElement, content: HTMLElement, opener: HTMLElement): void {
  if (!panel) {
    panel = new ModelPanel(content);
    dialog.addEventListener('close', () => opener.focus());
  }
  if (!dialog.open) dialog.showModal();
  void panel.run();
}

/** A row's pins: the first few inline, all of them one click away (a row can pin 30 parameters). */
function pinList(pins: readonly string[]): HTMLElement {
  const shown = 4;
  if (pins.length <= shown) return el('span', { text: pins.join(', ') });
  return el('details', {}, [el('summary', { text: `${pins.slice(0, shown).join(', ')} and ${pins.length - shown} more` }), el('p', { text: pins.join(', ') })]);
}
