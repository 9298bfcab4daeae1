/**
 * The bounded JSON reader (src/engine/jsonInput.ts), the error formatter's value renderer (shortJson)
 * and the comparison readers (src/engine/scenarioList.ts): hostile text is refused with a message that
 * names the limit and the field, and nothing ever throws anything but the documented error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shortJson } from '../../../src/engine/bounded';
import {
  checkJsonValue,
  JsonInputError,
  MAX_COURSES,
  MAX_INPUT_BYTES,
  MAX_JSON_DEPTH,
  parseScenarioListText,
  readJsonText,
  ScenarioError,
} from '../../../src/engine/index';
import { repoPath } from '../../fixtures/engine';

const nested = (depth: number, open = '[', close = ']', inner = '1'): string => open.repeat(depth) + inner + close.repeat(depth);

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (err) {
    if (err instanceof JsonInputError || err instanceof ScenarioError) return err.problems;
    throw new Error(`threw ${String(err)} instead of a documented error`);
  }
  throw new Error('the input was accepted');
}

describe('shortJson never throws and stays short', () => {
  it('renders a 100 000-level nested array without recursing into it', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    const text = shortJson(deep);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text.startsWith('[[[')).toBe(true);
  });

  it('renders a cyclic object, a throwing getter and a proxy without throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(shortJson(cyclic)).toMatch(/^\{"a":1,"self":/);
    const getter = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(shortJson(getter)).toBe('(a value that cannot be shown)');
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(typeof shortJson(proxy)).toBe('string');
  });

  it('shows strings JSON-quoted, non-finite numbers by name, and cuts long values at 40 characters', () => {
    expect(shortJson('elbow')).toBe('"elbow"');
    expect(shortJson(Number.NaN)).toBe('NaN');
    expect(shortJson(undefined)).toBe('undefined');
    expect(shortJson(10n)).toBe('10n');
    expect(shortJson(new Float32Array(10_000_000))).toBe('Float32Array(40000000 bytes)');
    expect(shortJson(new Map([[1, 2]]))).toBe('Map(1)');
    const long = shortJson('x'.repeat(1_000_000));
    expect(long).toHaveLength(40);
    expect(long.endsWith('...')).toBe(true);
  });
});

describe('readJsonText', () => {
  it('reads every preset and fixture, and a text with a byte-order mark', () => {
    const text = readFileSync(repoPath('tests/fixtures/scenarios/contract-protocol.json'), 'utf8');
    expect(readJsonText(text)).toEqual(JSON.parse(text));
    expect(readJsonText(`\uFEFF${text}`)).toEqual(JSON.parse(text));
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses ${MAX_JSON_DEPTH + 1}, naming the limit and the place`, () => {
    expect(readJsonText(nested(MAX_JSON_DEPTH))).toBeDefined();
    const [problem] = problemsOf(() => readJsonText(nested(MAX_JSON_DEPTH + 1)));
    expect(problem).toContain(`nesting depth exceeds the limit of ${MAX_JSON_DEPTH} levels`);
    expect(problem).toContain(`line 1, column ${MAX_JSON_DEPTH + 1}`);
  });

  it('names the field that holds the deep value, for arrays and objects', () => {
    const inSeed = `{"version": 1, "seed": ${nested(5000)}}`;
    expect(problemsOf(() => readJsonText(inSeed))[0]).toMatch(/^seed\[0\]\[0\].*: nesting depth exceeds/);
    const inSkin = `{"skin": {"conditions": [${nested(5000, '{"a":', '}')}]}}`;
    expect(problemsOf(() => readJsonText(inSkin))[0]).toMatch(/^skin\.conditions\[0\]\.a\.a.*: nesting depth exceeds/);
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    const text = JSON.stringify({ name: `${'['.repeat(500)} \\" {{{ "`, list: [[1], [2]] });
    expect(readJsonText(text)).toEqual(JSON.parse(text));
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved key %s at any level, naming its object', (key) => {
    const problems = problemsOf(() => readJsonText(`{"skin": {"${key}": {"polluted": true}}, "days": 1}`));
    expect(problems).toEqual([`skin: unknown field "${key}" (a reserved name that no SkinSim file uses)`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds an escaped reserved key too ("\\u005f_proto__")', () => {
    expect(problemsOf(() => readJsonText('{"\\u005f_proto__": 1}'))[0]).toContain('"__proto__"');
  });

  it('refuses a key given twice in one object, which JSON.parse would silently overwrite', () => {
    const problems = problemsOf(() => readJsonText('{"protocol": {"passes": 15, "passes": 50}, "x": {"passes": 1}}'));
    expect(problems).toEqual(['protocol: field "passes" appears twice (JSON keeps only the last; remove one)']);
  });

  it('refuses a text over the size limit before scanning it, naming the limit', () => {
    const problems = problemsOf(() => readJsonText(`"${'é'.repeat(MAX_INPUT_BYTES / 2)}"`));
    expect(problems[0]).toContain('1.0 MB');
    expect(problems[0]).toContain(`the size limit is 1 MB (${MAX_INPUT_BYTES} bytes)`);
  });

  it('counts UTF-8 bytes, not characters: 400 000 three-byte characters are over 1 MB', () => {
    expect(problemsOf(() => readJsonText(`"${'€'.repeat(400_000)}"`))[0]).toContain('1.2 MB');
    expect(readJsonText(`"${'€'.repeat(300_000)}"`)).toHaveLength(300_000);
  });

  it('reports a syntax error with its line and column, and an empty text as empty', () => {
    expect(problemsOf(() => readJsonText('{\n  "version": 1,\n  seed: 3\n}'))[0]).toMatch(/not valid JSON.*line 3, column 3/);
    expect(problemsOf(() => readJsonText('  \n'))[0]).toContain('is empty');
  });
});

describe('checkJsonValue (structured clones: IndexedDB, worker messages)', () => {
  it('refuses depth over the limit without recursion, and reserved own keys', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = { a: deep };
    expect(checkJsonValue(deep)[0]).toMatch(/^a\.a\.a.*nesting depth exceeds the limit of 64 levels/);
    expect(checkJsonValue(JSON.parse('{"ops": [{"__proto__": 1}]}'))).toEqual([
      'ops[0]: unknown field "__proto__" (a reserved name that no SkinSim file uses)',
    ]);
    expect(checkJsonValue({ ops: [{ op: 'advance', hour: 3 }], flat: new Array(100_000).fill(1) })).toEqual([]);
  });
});

describe('comparison readers (Import, share link)', () => {
  const scenario = JSON.parse(readFileSync(repoPath('tests/fixtures/scenarios/contract-protocol.json'), 'utf8')) as Record<string, unknown>;

  it('reads one scenario or an array of up to 6', () => {
    expect(parseScenarioListText(JSON.stringify(scenario))).toHaveLength(1);
    expect(parseScenarioListText(JSON.stringify(Array(MAX_COURSES).fill(scenario)))).toHaveLength(MAX_COURSES);
  });

  it('refuses 7 courses, naming the limit, and names the course of a bad field', () => {
    expect(problemsOf(() => parseScenarioListText(JSON.stringify(Array(7).fill(scenario))))[0]).toContain(
      `the limit is ${MAX_COURSES} courses in a comparison`,
    );
    const bad = [scenario, { ...scenario, skin: { region: 'elbow', phototype: 3 } }];
    expect(problemsOf(() => parseScenarioListText(JSON.stringify(bad)))[0]).toMatch(/^\[1\]\.skin\.region: "elbow" is not allowed/);
  });

});
