/**
 * The sensitivity verdict (docs/model.md §18): each model parameter × 10 and × 0.1 (clamped to its
 * schema range), the validation targets run with it, and what that says. A parameter is noticed when
 * some target fails at either factor; every parameter must be noticed or listed free with a reason,
 * a free parameter must not be noticed (it would not be free), and every pin a row declares must be
 * noticed by that row. Pure: the runner (tests/sensitivity/run.ts) supplies the outcomes.
 */
import type { TargetOutcome } from './check';
import { FREE_PARAMETERS } from './freeParameters';
import type { ParameterInfo } from './parameterSpace';
import type { ValidationTarget } from './targets';

export const SENSITIVITY_FACTORS = [10, 0.1] as const;

export interface ParameterSensitivity {
  readonly path: string;
  /** Rows failing with the parameter × 10 and × 0.1. */
  readonly failsUp: readonly string[];
  readonly failsDown: readonly string[];
  /** Values actually used after clamping. */
  readonly up: number;
  readonly down: number;
}

export interface SensitivityVerdict {
  readonly rows: readonly ParameterSensitivity[];
  readonly problems: readonly string[];
  readonly noticed: number;
  readonly free: number;
}

export function failingIds(outcomes: readonly TargetOutcome[]): string[] {
  return outcomes.filter((o) => !o.pass).map((o) => o.id);
}

/** Judges the sweep: baseline outcomes and, per parameter, the outcomes at each factor. */
export function judgeSensitivity(
  baseline: readonly TargetOutcome[],
  parameters: readonly ParameterInfo[],
  sweep: ReadonlyMap<string, { up: readonly TargetOutcome[]; down: readonly TargetOutcome[]; upValue: number; downValue: number }>,
  targets: readonly ValidationTarget[],
  free: Readonly<Record<string, string>> = FREE_PARAMETERS,
): SensitivityVerdict {
  const problems: string[] = [];
  for (const id of failingIds(baseline)) problems.push(`target ${id} fails with the default parameters`);
  const rows: ParameterSensitivity[] = [];
  let noticed = 0;
  let freeCount = 0;
  for (const p of parameters) {
    const s = sweep.get(p.path);
    if (!s) {
      problems.push(`${p.path} was not run`);
      continue;
    }
    const row: ParameterSensitivity = { path: p.path, failsUp: failingIds(s.up), failsDown: failingIds(s.down), up: s.upValue, down: s.downValue };
    rows.push(row);
    const isNoticed = row.failsUp.length + row.failsDown.length > 0;
    const reason = free[p.path];
    if (isNoticed) noticed++;
    if (reason !== undefined) freeCount++;
    if (isNoticed && reason !== undefined) problems.push(`${p.path} is listed free but ${[...new Set([...row.failsUp, ...row.failsDown])].join(', ')} notice it`);
    if (!isNoticed && reason === undefined) problems.push(`${p.path}: no target notices it and it is not listed free with a reason`);
  }
  for (const path of Object.keys(free)) if (!parameters.some((p) => p.path === path)) problems.push(`free parameter ${path} does not exist`);
  for (const t of targets) {
    for (const pin of t.pins) {
      const row = rows.find((r) => r.path === pin);
      if (!row) problems.push(`${t.id} pins ${pin}, which was not run`);
      else if (!row.failsUp.includes(t.id) && !row.failsDown.includes(t.id)) problems.push(`${t.id} declares it pins ${pin}, but ${pin} × 10 and × 0.1 both pass it`);
    }
  }
  return { rows, problems, noticed, free: freeCount };
}

/** The printed table: one line per parameter, the rows failing at × 10 and × 0.1, or the free reason. */
export function formatSensitivityTable(verdict: SensitivityVerdict, free: Readonly<Record<string, string>> = FREE_PARAMETERS): string {
  const width = Math.max(...verdict.rows.map((r) => r.path.length), 9);
  const lines = [`${'parameter'.padEnd(width)}  × 10 fails                 × 0.1 fails`];
  for (const r of verdict.rows) {
    const up = r.failsUp.join(' ') || '—';
    const down = r.failsDown.join(' ') || '—';
    const reason = free[r.path];
    lines.push(`${r.path.padEnd(width)}  ${up.padEnd(26)} ${down}${reason ? `   free: ${reason}` : ''}`);
  }
  lines.push('', `${verdict.rows.length} parameters: ${verdict.noticed} noticed by a target, ${verdict.free} listed free.`);
  if (verdict.problems.length > 0) lines.push('', 'Problems:', ...verdict.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
}
