import { spawnSync } from 'node:child_process';
import { ensureBuilt, ROOT } from '../scripts/buildNode.mjs';
import type { Figure } from './figures';
import { log, spread } from './stats';

function wallMs(command: string, args: string[]): number {
  const t0 = performance.now();
  const res = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return ms;
}

/**
 * `cliStartMs`: wall time of the CLI up to the point where it could simulate (`--help`: Node starts,
 * the launcher checks the build is fresh, loads the bundle, parses the arguments), against Node's own
 * start-up (`node -e 0`) in the same run. `npm run -s` adds its own start-up on top: measured apart.
 */
export async function cliFigure(o: { repeats: number }): Promise<Figure> {
  await ensureBuilt();
  const runs = Math.max(5, 3 * o.repeats);
  const cli: number[] = [];
  const node: number[] = [];
  wallMs(process.execPath, ['scripts/simulate.mjs', '--help']);
  for (let r = 0; r < runs; r++) {
    cli.push(wallMs(process.execPath, ['scripts/simulate.mjs', '--help']));
    node.push(wallMs(process.execPath, ['-e', '0']));
  }
  const npm: number[] = [];
  for (let r = 0; r < 3; r++) npm.push(wallMs('npm', ['run', '-s', 'simulate', '--', '--help']));
  log(`CLI start ${spread(cli).median.toFixed(0)} ms (node alone ${spread(node).median.toFixed(0)} ms, through npm run ${spread(npm).median.toFixed(0)} ms)`);
  return {
    key: 'cliStartMs',
    label: 'CLI start-up (node scripts/simulate.mjs --help, prebuilt)',
    unit: 'ms',
    value: spread(cli),
    baseline: { label: 'Node’s own start-up (node -e 0)', unit: 'ms', value: spread(node) },
    goal: '≤ 300 ms',
    note: `through \`npm run -s simulate\`: ${spread(npm).median.toFixed(0)} ms (npm itself adds the difference)`,
  };
}
