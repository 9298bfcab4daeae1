import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { adaptiveFigures, courseFigure, eulerFigure, kernelFigures, yearFigure } from './engine';
import { warmUpEngine } from '../src/engine/index';
import { cliFigure } from './cli';
import { firstCourseFigure } from './firstCourse';
import type { Figure } from './figures';
import { poolFigures } from './pool';
import { buildReport, formatMarkdown, formatTable, machineNow, replaceReadmeTable, type BenchReport } from './report';
import { fullFrameFigure, strokeDirtyRectFigure, strokeFigure } from './shading';
import { log } from './stats';

const USAGE = `usage: npm run bench [-- options]
  (no option)   a readable table on stdout
  --json        one JSON object on stdout (progress on stderr)
  --markdown    the README performance table on stdout
  --readme      rewrite that table in README.md
  --save        also write bench/results/latest.json (never written otherwise)
  --browser     also measure in headless Chromium (needs \`npm run build\` first)
  --quick       fewer repeats and smaller workloads (a smoke run; figures are not comparable)
  --from FILE   measure nothing: print or --readme a report saved by --save (e.g. bench/results/latest.json)`;

/**
 * The bench of issue 8: every figure is a median over repeats with its spread, next to a baseline
 * measured in the same run on the same work; the machine and its load average go with the figures.
 */
async function main(argv: readonly string[]): Promise<number> {
  const known = new Set(['--json', '--markdown', '--readme', '--save', '--browser', '--quick', '--help', '--from']);
  const fromAt = argv.indexOf('--from');
  const fromFile = fromAt >= 0 ? argv[fromAt + 1] : undefined;
  const unknown = argv.filter((a, i) => !known.has(a) && !(fromAt >= 0 && i === fromAt + 1));
  if (fromAt >= 0 && fromFile === undefined) unknown.push('--from (needs a file)');
  if (argv.includes('--help') || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return unknown.length ? 2 : 0;
  }
  const report = fromFile !== undefined ? (JSON.parse(readFileSync(fromFile, 'utf8')) as BenchReport) : await measure(argv);

  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else if (argv.includes('--markdown')) process.stdout.write(`${formatMarkdown(report)}\n`);
  else process.stdout.write(`${formatTable(report)}\n`);
  if (argv.includes('--readme')) {
    writeFileSync('README.md', replaceReadmeTable(readFileSync('README.md', 'utf8'), formatMarkdown(report)));
    log('README.md performance table rewritten');
  }
  if (argv.includes('--save') && fromFile === undefined) {
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
    log('bench/results/latest.json written');
  }
  return 0;
}

async function measure(argv: readonly string[]): Promise<BenchReport> {
  const quick = argv.includes('--quick');
  const repeats = quick ? 2 : 3;
  const machine = machineNow(quick);
  log(`${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}`);

  const figures: Figure[] = [];
  const o = { repeats, quick };
  // The engine as the CLI and the pool workers run it: warmed up first (src/engine/warmUp.ts), so
  // the figures below do not depend on the order V8 met the engine's branches in; `firstCourseMs`
  // measures the warm-up itself against a cold first course.
  warmUpEngine();
  const kernel = kernelFigures(o);
  figures.push(...kernel.figures);
  figures.push(await courseFigure(o));
  figures.push(await firstCourseFigure(o));
  figures.push(...adaptiveFigures(o));
  figures.push(yearFigure(o));
  figures.push(...(await poolFigures(o)));
  figures.push(await cliFigure(o));
  figures.push(await strokeFigure(o));
  figures.push(strokeDirtyRectFigure(o));
  figures.push(fullFrameFigure(o));
  figures.push(eulerFigure(o));
  if (argv.includes('--browser')) {
    const { browserFigures } = await import('./browser');
    figures.push(...(await browserFigures()));
  }
  return buildReport(figures, machine);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
