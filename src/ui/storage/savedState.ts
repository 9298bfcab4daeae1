import { z } from 'zod';
import { checkJsonValue, formatIssues } from '../../engine/index';
import { LogSchema, MAX_HOUR } from '../../session/index';
import { SettingsSchema } from '../settings';

/**
 * What survives a reload: the settings (layer, split, cut included), the engine's operation log
 * (replayed exactly on load: passes, sessions, warnings, chart history all come back from it) and the
 * clock. Every version of the format is a zod schema; older versions migrate, newer or corrupt ones
 * are refused whole (issue 9: never half-loaded).
 */
export const SAVED_STATE_VERSION = 2;

const clockHours = z.number().min(0).max(MAX_HOUR);

/** Version 1 (the first app): the log had strokes and exact advances only (passes were logged as their strokes). */
const SavedStateV1Schema = z
  .object({
    version: z.literal(1),
    settings: SettingsSchema,
    ops: LogSchema,
    clockHours,
    /** Session days marked on the chart (version 2 rebuilds them from the log). */
    sessionDays: z.array(z.number().min(0)).max(10_000),
  })
  .strict();

/** Version 2: passes are logged as passes (the engine's pass policy); the chart comes from the replay. */
export const SavedStateSchema = z
  .object({
    version: z.literal(SAVED_STATE_VERSION),
    settings: SettingsSchema,
    ops: LogSchema,
    /** The clock when saved, hours (may be ahead of the engine by less than a step). */
    clockHours,
  })
  .strict();
export type SavedState = z.infer<typeof SavedStateSchema>;

export interface ReadOutcome {
  state: SavedState | null;
  /** Why a stored value was not loaded (shown to the user); null when nothing was refused. */
  refused: string | null;
  /** The version the state was migrated from, if it was. */
  migratedFrom?: number;
}

const MIGRATIONS: Record<number, (raw: unknown) => SavedState> = {
  1: (raw) => {
    const v1 = SavedStateV1Schema.parse(raw);
    return { version: SAVED_STATE_VERSION, settings: v1.settings, ops: v1.ops, clockHours: v1.clockHours };
  },
};

/** Reads a stored value: the current version, a migrated older one, or a refusal that says why. */
export function readSavedState(raw: unknown): ReadOutcome {
  if (raw === undefined) return { state: null, refused: null };
  if (typeof raw !== 'object' || raw === null || !('version' in raw) || typeof raw.version !== 'number') {
    return { state: null, refused: 'The saved session is not in a format SkinSim knows (no version); it was not loaded.' };
  }
  // Depth and reserved keys first, without recursion: a damaged or planted store must not reach zod as a 6 000-level tree.
  const shape = checkJsonValue(raw);
  if (shape.length > 0) return { state: null, refused: `The saved session is damaged (${shape.slice(0, 2).join('; ')}); it was not loaded and is kept as a backup.` };
  const version = raw.version;
  if (version > SAVED_STATE_VERSION) {
    return {
      state: null,
      refused: `The saved session has format version ${version}, from a newer SkinSim (this one reads versions 1–${SAVED_STATE_VERSION}); it was not loaded and is kept as a backup.`,
    };
  }
  if (!Number.isInteger(version) || version < 1) {
    return { state: null, refused: `The saved session has an unknown format version (${version}); it was not loaded and is kept as a backup.` };
  }
  const schema = version === SAVED_STATE_VERSION ? SavedStateSchema : null;
  try {
    if (schema === null) return { state: MIGRATIONS[version]!(raw), refused: null, migratedFrom: version };
    return { state: schema.parse(raw), refused: null };
  } catch (err) {
    const detail = err instanceof z.ZodError ? formatIssues(err).slice(0, 2).join('; ') : (err as Error).message;
    return { state: null, refused: `The saved session is damaged (${detail}); it was not loaded and is kept as a backup.` };
  }
}
