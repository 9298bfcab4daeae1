import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TrialDataSchema, trialData } from '../../../src/evidence/trials';
import { repoPath } from '../../fixtures/engine';

describe('the published data set (public/data/trials.json)', () => {
  it('parses and holds every trial the model rests on', () => {
    const trials = new Set(trialData().records.map((r) => r.trial));
    for (const t of ['Lotfi 2013', 'El-Domyati 2015', 'Kenkel group 2021', 'Dogra 2014', 'Alam 2014', 'Ablon 2018']) expect(trials).toContain(t);
  });

  it('has unique ids', () => {
    const ids = trialData().records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects a record without a mean or an interval, and an interval with low above high', () => {
    const raw = JSON.parse(readFileSync(repoPath('public/data/trials.json'), 'utf8')) as { records: Record<string, unknown>[] };
    const noFigure = structuredClone(raw);
    noFigure.records[0] = { ...noFigure.records[0], mean: null, interval: null };
    expect(TrialDataSchema.safeParse(noFigure).success).toBe(false);
    const inverted = structuredClone(raw);
    inverted.records[0] = { ...inverted.records[0], interval: { kind: 'ci95', low: 1, high: 0 } };
    expect(TrialDataSchema.safeParse(inverted).success).toBe(false);
  });
});
