/**
 * Random invalid worker messages (workers/messages.ts) and saved states (src/ui/storage/savedState.ts
 * SavedStateSchema), as the structured clones they arrive as (issue 9): wrong kinds, arrays for
 * objects, NaN and ±Infinity, bigint, Date, Map, typed arrays, extra and reserved keys, 6 000-level
 * nesting, unicode for enums. safeParse must never throw, must refuse, and the formatted issues must
 * name the mutated field. Every schema exported by messages.ts must have samples here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues } from '../../../src/engine/bounded';
import { SAVED_STATE_VERSION, SavedStateSchema } from '../../../src/ui/storage/savedState';
import { DEFAULT_SETTINGS } from '../../../src/ui/settings';
import * as messages from '../../../workers/messages';
import { SEEDS } from './arbitraries';
import { ingredientsArb, judge, mutate, type Mutant } from './mutations';

/** Generated cases per schema. */
const RUNS_PER_MESSAGE_SCHEMA = 500;
const RUNS_SAVED_STATE = 1500;

const stroke = { x0Mm: 0, y0Mm: 1, x1Mm: 40, y1Mm: 1, needleMm: 1.5, pressure: 1, trackOffsetMm: 0.2 };
const setup = { seed: 42, skin: { region: 'cheek', phototype: 3, conditions: ['rosacea', 'acne-scars'], primed: true }, override: true, gridCells: 64, texturePx: 256 };
const ops = [
  { op: 'strokes', hour: 2, flat: [0, 1, 40, 1, 1.5, 1, 0, 0, 3, 40, 3, 1.5, 1, 0.5] },
  { op: 'pass', hour: 4, needleMm: 1.5, pressure: 1 },
  { op: 'strokes', hour: 5, flat: [0, 1, 40, 1, 1.5, 1, 0], gesture: 3 },
  { op: 'advance', hour: 30 },
];
const crossSection = { row: 80, widthPx: 400, heightPx: 200 };

/** Valid samples of every message schema, by export name; the mutations start from these. */
const SAMPLES: Record<string, unknown[]> = {
  SetupSchema: [setup, { seed: 0, skin: { region: 'neck', phototype: 6 } }],
  StrokeBatchSchema: [{ atHour: 5, strokes: [stroke, { ...stroke, y0Mm: 3, y1Mm: 3 }] }, { atHour: 6, strokes: [stroke], gesture: 12 }],
  AdvanceSchema: [{ toHour: 100, exact: true }],
  PassSchema: [{ atHour: 3, needleMm: 1, pressure: 1.2 }],
  CrossSectionRequestSchema: [crossSection],
  FrameRequestSchema: [{ layer: 'erythema', toHour: 48, crossSection }, { layer: 'surface' }],
  InspectSchema: [{ ix: 3, iy: 100 }],
  LogOpSchema: ops,
  ReplaySchema: [{ setup, ops, hour: 40 }],
};

const schemas: [string, z.ZodType][] = [];
for (const [name, value] of Object.entries(messages) as [string, unknown][]) if (value instanceof z.ZodType) schemas.push([name, value]);

function expectRefused(schema: z.ZodType, mutant: Mutant): void {
  let problems: string[];
  try {
    const result = schema.safeParse(mutant.input);
    if (result.success) expect.fail(`${mutant.kind}: the invalid input was accepted: ${String(mutant.path)}`);
    problems = formatIssues(result.error);
  } catch (err) {
    if (err instanceof Error && err.name === 'AssertionError') throw err;
    throw new Error(`${mutant.kind} at ${String(mutant.path)}: threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  const verdict = judge(problems, mutant);
  if (verdict !== null) expect.fail(`${mutant.kind}: ${verdict}`);
}

describe('worker message schemas refuse every mutated message with an error naming the field', () => {
  it('every schema exported by workers/messages.ts has valid samples here', () => {
    expect(schemas.length).toBeGreaterThan(0);
    for (const [name, schema] of schemas) {
      const samples = SAMPLES[name];
      expect(samples, `add valid samples for ${name} to SAMPLES in this file`).toBeDefined();
      for (const sample of samples!) {
        const result = schema.safeParse(sample);
        expect(result.success, `${name} sample is no longer valid: ${result.success ? '' : formatIssues(result.error).join('; ')}`).toBe(true);
      }
    }
  });

  it.each(schemas.map(([name, schema]) => ({ name, schema })))(`$name (${RUNS_PER_MESSAGE_SCHEMA} cases)`, ({ name, schema }) => {
    const samples = SAMPLES[name] ?? [];
    fc.assert(
      fc.property(fc.constantFrom(...samples), ingredientsArb, (sample, ingredients) => {
        const mutant = mutate(sample, ingredients, 'structured');
        fc.pre(mutant !== null);
        expectRefused(schema, mutant);
      }),
      { seed: SEEDS.messages, numRuns: RUNS_PER_MESSAGE_SCHEMA },
    );
  });
});

describe('the saved-state schema refuses every mutated state with an error naming the field', () => {
  const saved = { version: SAVED_STATE_VERSION, settings: structuredClone(DEFAULT_SETTINGS), ops, clockHours: 30.5 };

  it('the sample saved state is valid', () => {
    expect(SavedStateSchema.safeParse(saved).success).toBe(true);
  });

  it(`SavedStateSchema (${RUNS_SAVED_STATE} cases)`, () => {
    fc.assert(
      fc.property(ingredientsArb, (ingredients) => {
        const mutant = mutate(saved, ingredients, 'structured');
        fc.pre(mutant !== null);
        expectRefused(SavedStateSchema, mutant);
      }),
      { seed: SEEDS.saved, numRuns: RUNS_SAVED_STATE },
    );
  });
});
