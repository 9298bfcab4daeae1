/**
 * The scenario file format, version 1 (src/engine/scenario.ts): a public contract users write by
 * hand, so every rejection must name the field and the allowed range. Messages are checked by
 * content (path, value, range), not as whole strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_SESSIONS,
  parseScenario,
  parseScenarioText,
  ScenarioError,
  scenarioSessions,
  SCENARIO_MAX_BYTES,
} from '../../../src/engine/index';
import { repoPath } from '../../fixtures/engine';

const PRESET_DIR = 'public/scenarios';
const presets = readdirSync(repoPath(PRESET_DIR)).filter((f) => f.endsWith('.json'));
const readText = (relative: string): string => readFileSync(repoPath(relative), 'utf8');

/** The problems a rejected input produces; fails the test if it was accepted or threw something else. */
function problemsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).problems;
  }
  throw new Error('the input was accepted');
}

type Draft = Record<string, unknown> & { skin: Record<string, unknown>; protocol?: Record<string, unknown> };
const valid = (): Draft => JSON.parse(readText('tests/fixtures/scenarios/contract-protocol.json')) as Draft;

describe('accepted scenarios', () => {
  it('ships at least the six documented presets', () => {
    expect(presets.length).toBeGreaterThanOrEqual(6);
  });

  it.each(presets)('the preset %s parses from its file text', (file) => {
    const s = parseScenarioText(readText(`${PRESET_DIR}/${file}`));
    expect(s.version).toBe(1);
    expect(scenarioSessions(s).length).toBeGreaterThan(0);
  });

  it('a cohort of 1000 patients parses (the largest cohort, docs/scenario-format.md)', () => {
    const draft = valid();
    draft.cohort = { patients: 1000 };
    expect(parseScenario(draft).cohort).toEqual({ patients: 1000 });
  });

  it('the contract example in protocol form parses and expands to evenly spaced sessions', () => {
    const s = parseScenarioText(readText('tests/fixtures/scenarios/contract-protocol.json'));
    expect(scenarioSessions(s)).toEqual([
      { day: 0, needleMm: 1.5, passes: 15, pressure: 1 },
      { day: 30, needleMm: 1.5, passes: 15, pressure: 1 },
      { day: 60, needleMm: 1.5, passes: 15, pressure: 1 },
    ]);
  });

  it('the contract example in sessions form parses, fills defaults and orders the sessions by day', () => {
    const s = parseScenarioText(readText('tests/fixtures/scenarios/contract-sessions.json'));
    expect(s.skin.conditions).toEqual([]);
    expect(scenarioSessions(s)).toEqual([
      { day: 0, needleMm: 1, passes: 12, pressure: 1 },
      { day: 28, needleMm: 1, passes: 12, pressure: 0.8 },
    ]);
    expect(s.sampleEveryDays).toBe(0.5);
  });

  it('an omitted sampling interval defaults to one day', () => {
    const draft = valid();
    delete draft.sampleEveryDays;
    expect(parseScenario(draft).sampleEveryDays).toBe(1);
  });
});

interface Rejection {
  name: string;
  edit: (d: Draft) => void;
  /** Fragments one problem line must all contain: the field path first, then value and range. */
  expect: (string | RegExp)[];
}

const REJECTIONS: Rejection[] = [
  { name: 'an unknown region', edit: (d) => (d.skin.region = 'elbow'), expect: ['skin.region', '"elbow"', 'cheek', 'forehead'] },
  { name: 'phototype 7', edit: (d) => (d.skin.phototype = 7), expect: ['skin.phototype', '7', '1–6'] },
  { name: 'a 7 mm needle', edit: (d) => (d.protocol!.needleMm = 7), expect: ['protocol.needleMm', '7', '0.25–3 mm'] },
  { name: 'a negative interval', edit: (d) => (d.protocol!.intervalDays = -2), expect: ['protocol.intervalDays', '-2', /0\.25–365 days/] },
  { name: 'a million sessions', edit: (d) => (d.protocol!.sessions = 1e6), expect: ['protocol.sessions', '1000000', `1–${MAX_SESSIONS}`] },
  { name: 'fractional passes', edit: (d) => (d.protocol!.passes = 2.5), expect: ['protocol.passes', '2.5', 'whole', '1–50'] },
  {
    name: 'both protocol and sessions',
    edit: (d) => (d.sessions = [{ day: 0, needleMm: 1, passes: 5 }]),
    expect: ['"protocol"', '"sessions"', 'not both'],
  },
  { name: 'neither protocol nor sessions', edit: (d) => delete d.protocol, expect: ['"protocol"', '"sessions"', 'neither'] },
  {
    name: 'a misspelt field ("passess")',
    edit: (d) => {
      d.protocol!.passess = d.protocol!.passes;
      delete d.protocol!.passes;
    },
    expect: ['protocol', 'unknown field', '"passess"'],
  },
  { name: 'version 2', edit: (d) => (d.version = 2), expect: ['version', '2', 'allowed: 1'] },
  // docs/scenario-format.md: cohorts of up to 1000 patients (issue 8: ≈ 20 s on 2 cores).
  { name: 'a cohort of 1001 patients', edit: (d) => (d.cohort = { patients: 1001 }), expect: ['cohort.patients', '1001', '1–1000'] },
  {
    name: 'a sampling interval that is not a whole number of hours (0.3 d)',
    edit: (d) => (d.sampleEveryDays = 0.3),
    expect: ['sampleEveryDays', '0.3', 'whole number of hours'],
  },
  {
    name: 'a bad entry in a session list',
    edit: (d) => {
      delete d.protocol;
      d.sessions = [{ day: 0, needleMm: 1.5, passes: 15 }, { day: 5, needleMm: 9, passes: 15 }];
    },
    expect: ['sessions[1].needleMm', '9', '0.25–3 mm'],
  },
];

describe('rejected scenarios name the field and the allowed range', () => {
  it.each(REJECTIONS)('rejects $name', ({ edit, expect: fragments }) => {
    const draft = valid();
    edit(draft);
    const problems = problemsOf(() => parseScenario(draft));
    const match = problems.find((p) => fragments.every((f) => (typeof f === 'string' ? p.includes(f) : f.test(p))));
    expect(match, `no problem line contains all of ${fragments.join(' · ')}: ${JSON.stringify(problems)}`).toBeDefined();
    // The path comes first, as "path: message".
    const first = fragments[0];
    if (typeof first === 'string' && first.includes('.')) expect(match!.startsWith(`${first}:`)).toBe(true);
  });

  it('lists every problem of a file at once, not just the first', () => {
    const draft = valid();
    draft.skin.phototype = 0;
    draft.protocol!.needleMm = 0.1;
    draft.days = 1e9;
    const problems = problemsOf(() => parseScenario(draft));
    expect(problems.some((p) => p.startsWith('skin.phototype:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('protocol.needleMm:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('days:'))).toBe(true);
  });
});

describe('rejected scenario texts', () => {
  it('rejects text that is not JSON, saying so', () => {
    expect(problemsOf(() => parseScenarioText('{ "version": 1, seed: 3 }')).join('\n')).toMatch(/not valid JSON/);
  });

  it.each([
    ['a JSON array', '[{ "version": 1 }]'],
    ['a JSON string', '"scenario"'],
    ['null', 'null'],
  ])('rejects %s, asking for a JSON object', (_label, text) => {
    expect(problemsOf(() => parseScenarioText(text)).join('\n')).toMatch(/expected a JSON object/);
  });

  it('rejects a 10 MB text before parsing it, naming the size limit', () => {
    const huge = `{"version":1,"description":"${'x'.repeat(10_000_000)}"}`;
    const message = problemsOf(() => parseScenarioText(huge)).join('\n');
    expect(message).toMatch(/10\.0 MB/);
    expect(message).toContain(`${SCENARIO_MAX_BYTES / 1e6} MB`);
  });

  it('the error message lists the problems one per line', () => {
    const draft = valid();
    draft.skin.phototype = 9;
    try {
      parseScenarioText(JSON.stringify(draft));
      expect.unreachable('accepted phototype 9');
    } catch (err) {
      expect((err as Error).message).toMatch(/^invalid scenario:\n {2}- skin\.phototype: 9 is above the maximum/);
    }
  });
});
