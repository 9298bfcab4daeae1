/**
 * The published figures SkinSim rests on (public/data/trials.json; docs/model.md §17). One record per figure:
 * the trial, its protocol in the scenario format, the measure as a model series, the day from the first
 * session, the mean where published and its interval or bound. The same data feeds the charts' "Show
 * published data", the evidence envelope and the validation targets, so none can disagree with another.
 */
import { z } from 'zod';
import trialsJson from '../../public/data/trials.json';
import { CONDITIONS, NEEDLE_MM_MAX, NEEDLE_MM_MIN, REGIONS, SERIES, bounded } from '../engine/index';

const IntervalSchema = z
  .object({
    /** ci95/ci99: confidence interval of the mean; sd: mean ± one SD; bound: a one-sided published claim. */
    kind: z.enum(['ci95', 'ci99', 'sd', 'bound']),
    low: z.number().nullable(),
    high: z.number().nullable(),
  })
  .strict()
  .refine((i) => i.low !== null || i.high !== null, { message: 'an interval needs a low or a high end' })
  .refine((i) => i.low === null || i.high === null || i.low <= i.high, { message: 'low must not exceed high' });

const PROTOCOL_FIELDS = ['needleMm', 'passes', 'intervalDays', 'sessions', 'region', 'phototypes'] as const;
export type ProtocolField = (typeof PROTOCOL_FIELDS)[number];

export const TrialRecordSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    trial: z.string().min(1),
    year: z.number().int().min(1990).max(2100),
    citation: z.string().min(1),
    protocol: z
      .object({
        needleMm: bounded(NEEDLE_MM_MIN, NEEDLE_MM_MAX, 'mm'),
        passes: bounded(1, 100, '', { int: true }),
        intervalDays: bounded(1, 365, 'days'),
        sessions: bounded(1, 100, '', { int: true }),
      })
      .strict(),
    skin: z.object({ region: z.enum(REGIONS), phototype: bounded(1, 6, '', { int: true }), conditions: z.array(z.enum(CONDITIONS)) }).strict(),
    /** The phototypes the trial enrolled, lowest and highest. */
    phototypes: z.tuple([bounded(1, 6, '', { int: true }), bounded(1, 6, '', { int: true })]),
    /** Protocol fields the paper does not state (our stand-in values; they do not widen the envelope). */
    assumed: z.array(z.enum(PROTOCOL_FIELDS)),
    measure: z.enum(SERIES),
    day: bounded(0, 3650, 'days'),
    mean: z.number().nullable(),
    interval: IntervalSchema.nullable(),
    n: bounded(1, 100_000, '', { int: true }),
    note: z.string(),
  })
  .strict()
  .refine((r) => r.mean !== null || r.interval !== null, { message: 'a record needs a mean or an interval' });
export type TrialRecord = z.infer<typeof TrialRecordSchema>;

export const TrialIncidenceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    trial: z.string().min(1),
    citation: z.string().min(1),
    measure: z.enum(['pih', 'telangiectasia', 'prolongedErythema']),
    events: z.number().int().min(0),
    n: z.number().int().min(1),
    interval: IntervalSchema,
    note: z.string(),
  })
  .strict();
export type TrialIncidence = z.infer<typeof TrialIncidenceSchema>;

export const TrialDataSchema = z
  .object({ version: z.literal(1), about: z.string(), records: z.array(TrialRecordSchema).min(1), incidences: z.array(TrialIncidenceSchema) })
  .strict();
export type TrialData = z.infer<typeof TrialDataSchema>;

/** The data set shipped with the app, validated once on first use. */
let shipped: TrialData | undefined;
export function trialData(): TrialData {
  shipped ??= TrialDataSchema.parse(trialsJson);
  return shipped;
}

/** The record with this id; throws on a typo (a programming error, not a user's). */
export function trialRecord(id: string): TrialRecord {
  const r = trialData().records.find((x) => x.id === id);
  if (!r) throw new Error(`no trial record "${id}" in public/data/trials.json`);
  return r;
}

export function trialIncidence(id: string): TrialIncidence {
  const r = trialData().incidences.find((x) => x.id === id);
  if (!r) throw new Error(`no trial incidence "${id}" in public/data/trials.json`);
  return r;
}
