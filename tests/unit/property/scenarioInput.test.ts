/**
 * Random invalid scenario texts through parseScenarioText, the reader of the CLI and of Import (issue 9):
 * every one is refused with a ScenarioError whose "path: message" lines name the mutated field, and
 * nothing else is ever thrown (no RangeError from deep nesting, no TypeError from a strange value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioListText, parseScenarioText, ScenarioError, type ScenarioInput } from '../../../src/engine/index';
import { presetFiles } from '../../fixtures/engine';
import { SEEDS, tinyScenarioArb } from './arbitraries';
import { ingredientsArb, judge, mutate, type Mutant } from './mutations';

/** Generated cases per property; their sum is reported in the test names. */
const RUNS = { mutated: 5000, truncated: 500, garbage: 1000, randomJson: 500, lists: 500 } as const;

const presets = presetFiles().map((p) => JSON.parse(p.text) as ScenarioInput);

/** Valid scenarios with every optional part somewhere: generated ones (with name, description, cohort) and the presets. */
const validArb: fc.Arbitrary<ScenarioInput> = fc.oneof(
  { weight: 4, arbitrary: fc
    .record({
      base: tinyScenarioArb,
      name: fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined }),
      description: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
      patients: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    })
    .map(({ base, name, description, patients }) => ({
      ...base,
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
      ...(patients === undefined ? {} : { cohort: { patients } }),
    })) },
  { weight: 1, arbitrary: fc.constantFrom(...presets) },
);

/** The problems of a refused text; fails on acceptance and on any other error. */
function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw new Error(`threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}, not a ScenarioError`);
  }
  throw new Error('the invalid input was accepted');
}

function expectRefused(read: () => unknown, mutant: Mutant): void {
  const verdict = judge(problemsOf(read), mutant);
  if (verdict !== null) expect.fail(`${mutant.kind}: ${verdict}`);
}

describe('parseScenarioText refuses every invalid text with a message naming the field', () => {
  it('the valid samples the mutations start from are accepted', () => {
    fc.assert(
      fc.property(validArb, (sample) => {
        expect(parseScenarioText(JSON.stringify(sample)).version).toBe(1);
      }),
      { seed: SEEDS.scenarioText, numRuns: 200 },
    );
  });

  it(`mutated scenarios: wrong kinds, arrays for objects, numbers out of every range, extra and reserved keys, deep nesting, unicode (${RUNS.mutated} cases)`, () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(validArb, ingredientsArb, (sample, ingredients) => {
        const mutant = mutate(sample, ingredients, 'json');
        fc.pre(mutant !== null);
        kinds.set(mutant.kind, (kinds.get(mutant.kind) ?? 0) + 1);
        expectRefused(() => parseScenarioText(mutant.input as string), mutant);
      }),
      { seed: SEEDS.scenarioText, numRuns: RUNS.mutated },
    );
    // Every kind of mutation was exercised a fair number of times (not just the easy ones).
    for (const kind of ['wrongType', 'outOfRange', 'extraKey', 'deep', 'unicode']) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(200);
  });

  it(`truncated texts (${RUNS.truncated} cases)`, () => {
    fc.assert(
      fc.property(validArb, fc.nat(), (sample, cut) => {
        const text = JSON.stringify(sample, null, cut % 2 === 0 ? undefined : 2);
        const truncated = text.slice(0, cut % text.length);
        expectRefused(() => parseScenarioText(truncated), { kind: 'truncated', input: truncated, path: '(document)' });
      }),
      { seed: SEEDS.scenarioText + 1, numRuns: RUNS.truncated },
    );
  });

  it(`random text, any UTF-16 code units including lone surrogates (${RUNS.garbage} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectRefused(() => parseScenarioText(text), { kind: 'garbage', input: text, path: null });
      }),
      { seed: SEEDS.garbage, numRuns: RUNS.garbage },
    );
  });

  it(`random JSON documents (${RUNS.randomJson} cases)`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expectRefused(() => parseScenarioText(text), { kind: 'randomJson', input: text, path: null });
      }),
      { seed: SEEDS.garbage + 1, numRuns: RUNS.randomJson },
    );
  });

  it(`Import of a comparison: one mutated course among valid ones is named by its index (${RUNS.lists} cases)`, () => {
    fc.assert(
      fc.property(fc.array(validArb, { minLength: 1, maxLength: 6 }), fc.nat(), ingredientsArb, (list, which, ingredients) => {
        const k = which % list.length;
        const mutant = mutate(list[k], ingredients, 'json');
        fc.pre(mutant !== null);
        const texts = list.map((s) => JSON.stringify(s));
        texts[k] = mutant.input as string;
        const p = mutant.path;
        const path = p === null || p === '(document)' ? `[${k}]` : `[${k}]${p.startsWith('[') ? '' : '.'}${p}`;
        expectRefused(() => parseScenarioListText(`[${texts.join(',')}]`), { ...mutant, path });
      }),
      { seed: SEEDS.scenarioText + 2, numRuns: RUNS.lists },
    );
  });
});

