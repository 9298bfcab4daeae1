/**
 * The hostile and mistaken input corpus of issue 9 through the CLI (src/cli/main.ts, in-process):
 * every file in tests/fixtures/scenarios/bad/ (listed with the field its message must name in
 * expected.json) and the 5 000-level nestings, at the top and inside fields, exit 2 with a
 * "path: message" line on stderr that names the field, nothing on stdout and no stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, useScratchDir, writeScenarioFile } from '../../fixtures/cli';
import { repoPath } from '../../fixtures/engine';

const BAD_DIR = 'tests/fixtures/scenarios/bad';

interface Expectation {
  /** The field path a problem line must start with ("(document)" for the whole file). */
  path: string;
  /** Fragments that same line must contain: the value, the allowed range, the limit. */
  contains: string[];
}

const expected = JSON.parse(readFileSync(repoPath(`${BAD_DIR}/expected.json`), 'utf8')) as Record<string, Expectation>;
const files = readdirSync(repoPath(BAD_DIR)).filter((f) => f !== 'expected.json');

/** The problem lines of an "invalid scenario" message, without their "  - " bullet. */
const problemLines = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4));

async function expectRefused(path: string, expectation: Expectation): Promise<void> {
  const res = await runCli([path]);
  expect(res.code, res.stderr).toBe(2);
  expect(res.stdout).toBe('');
  expect(res.stderr).not.toContain('    at ');
  expect(res.stderr).not.toContain('internal error');
  const lines = problemLines(res.stderr);
  const match = lines.find((l) => l.startsWith(`${expectation.path}`) && expectation.contains.every((f) => l.includes(f)));
  expect(match, `no line starts with "${expectation.path}" and contains ${JSON.stringify(expectation.contains)}:\n${res.stderr}`).toBeDefined();
}

describe('the bad-scenario corpus through the CLI', () => {
  it('has an expectation for every fixture and a fixture for every expectation (at least 21 cases)', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  it.each(files)('%s exits 2 and names the field', async (file) => {
    await expectRefused(repoPath(`${BAD_DIR}/${file}`), expected[file]!);
  });
});

describe('5 000 levels of nesting exit 2, never "Maximum call stack size exceeded"', () => {
  const scratch = useScratchDir('skinsim-deep-');

  const deep = (open: string, close: string, inner = '1', levels = 5000): string => open.repeat(levels) + inner + close.repeat(levels);
  const valid = '"version": 1, "skin": {"region": "cheek", "phototype": 3}, "protocol": {"needleMm": 1, "passes": 5, "intervalDays": 30, "sessions": 1}, "days": 10';

  it.each([
    ['a top-level array', deep('[', ']'), '[0][0][0]'],
    ['a top-level object', deep('{"a":', '}'), 'a.a.a'],
    ['an array in "seed"', `{${valid}, "seed": ${deep('[', ']')}}`, 'seed[0][0]'],
    ['an object in "seed"', `{${valid}, "seed": ${deep('{"x":', '}')}}`, 'seed.x.x'],
    ['arrays in "skin.conditions"', `{"seed": 1, ${valid.replace('"phototype": 3', `"phototype": 3, "conditions": ${deep('[', ']', '"rosacea"')}`)}}`, 'skin.conditions[0]'],
    ['a 100 000-level nesting in "days"', `{"seed": 1, ${valid.replace('"days": 10', `"days": ${deep('[', ']', '1', 100_000)}`)}}`, 'days[0]'],
  ])('%s', async (_label, text, path) => {
    await expectRefused(writeScenarioFile(scratch.path, 'deep.json', text), { path, contains: ['nesting depth exceeds the limit of 64 levels'] });
  });
});
