/**
 * The bench report (bench/report.ts): `--json` carries every key of issue 8 (null when not measured),
 * the machine and the spread; the README table is replaced only between its markers.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../bench/figures';
import { buildReport, formatMarkdown, formatTable, machineNow, README_END, README_START, replaceReadmeTable, REQUIRED_KEYS } from '../../../bench/report';
import { spread } from '../../../bench/stats';

const figures: Figure[] = [
  { key: 'courseMs', label: 'a course', unit: 'ms', value: spread([310.123456, 290, 305]), goal: '≤ 300 ms' },
  { key: 'adaptiveMaxDelta', label: 'largest |Δ|', unit: '', value: spread([0.0012]) },
  {
    key: 'poolSpeedup',
    label: 'pool',
    unit: '×',
    value: spread([1.91, 1.87]),
    baseline: { label: 'one after another', unit: 'ms', value: spread([4000, 4100]) },
  },
  { key: 'poolCpuCost', label: 'an extra figure', unit: '×', value: spread([1.1]), note: 'workers share a core' },
];

describe('bench report', () => {
  const report = buildReport(figures, machineNow());

  it('has exactly the required keys, the machine and the details: the medians of what ran and null for what did not', () => {
    expect(Object.keys(report)).toEqual([...REQUIRED_KEYS, 'machine', 'details']);
    expect(report.details.poolCpuCost!.value.median).toBe(1.1);
    expect(report.courseMs).toBe(305);
    expect(report.poolSpeedup).toBe(1.89);
    expect(report.playDaysPerSecondAtWeekSpeed).toBeNull();
    // The waits a user feels (issue 17) are keys of their own, null until --browser measured them.
    for (const key of ['doseMapMs', 'doseMapCliMs', 'compareEditMs', 'compareExampleMs', 'dragFpsRatio', 'playFpsRatio', 'firstSkinMs', 'restoreMs'] as const) {
      expect(report[key], key).toBeNull();
    }
    expect(buildReport([...figures, { key: 'firstSkinMs', label: 'first skin', unit: 'ms', value: spread([900, 1100]) }], machineNow()).firstSkinMs).toBe(1000);
    expect(report.details.poolSpeedup!.value).toMatchObject({ min: 1.87, max: 1.91, runs: 2 });
    expect(report.details.poolSpeedup!.value.median).toBeCloseTo(1.89, 12);
  });

  it('reports the machine with its load average at start and end', () => {
    expect(report.machine.cores).toBeGreaterThanOrEqual(1);
    expect(report.machine.loadAverageAtStart).toHaveLength(3);
    expect(report.machine.loadAverageAtEnd).toHaveLength(3);
    expect(report.machine.quick).toBe(false);
    expect(Date.parse(report.machine.date)).not.toBeNaN();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('prints a table and a markdown table with one row per figure, baselines beside them', () => {
    const table = formatTable(report);
    expect(table).toContain('courseMs  305 ms (290–310, 3 runs)   goal ≤ 300 ms');
    expect(table).toContain('not measured:');
    expect(table).toMatch(/doseMapMs.*need --browser and a build/);
    const md = formatMarkdown(report).split('\n');
    expect(md.filter((l) => l.startsWith('| ') && !l.startsWith('| what'))).toEqual([
      '| a course | 305 ms (290–310, 3 runs) | — | ≤ 300 ms |',
      '| largest \\|Δ\\| | 0.0012 | — | — |',
      '| pool | 1.89 × (1.87–1.91, 2 runs) | one after another: 4050 ms (4000–4100, 2 runs) | — |',
      '| an extra figure | 1.10 × | — | — |',
    ]);
    expect(md).toContain('- `poolCpuCost`: workers share a core');
  });

  it('replaces only the README block between its markers', () => {
    const readme = `# A\n\nintro\n${README_START}\nold table\n${README_END}\n\nafter\n`;
    expect(replaceReadmeTable(readme, 'NEW')).toBe(`# A\n\nintro\n${README_START}\nNEW\n${README_END}\n\nafter\n`);
    expect(() => replaceReadmeTable('# no markers', 'x')).toThrow(/bench:table:start/);
  });
});
