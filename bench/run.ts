import { mkdirSync, writeFileSync } from 'node:fs';
import { engineBenchmarks } from './engine';
import { formatRows, type BenchRow } from './timing';

/**
 * `npm run bench [-- --browser]`: engine and shading figures in Node; with --browser also frame
 * rates in headless Chromium (needs a build: `npm run build`). Writes bench/results/latest.json.
 */
async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(...engineBenchmarks());
  const { shadingBenchmarks } = await import('./shading');
  rows.push(...shadingBenchmarks());
  if (process.argv.includes('--browser')) {
    const { browserBenchmarks } = await import('./browser');
    rows.push(...(await browserBenchmarks()));
  }
  process.stdout.write(`${formatRows(rows)}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/latest.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, rows }, null, 2)}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
