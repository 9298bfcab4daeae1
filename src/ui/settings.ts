import { z } from 'zod';
import { bounded, NEEDLE_MM_MAX, NEEDLE_MM_MIN, oneOf, PRESSURE_MAX, PRESSURE_MIN, SkinSchema } from '../engine/index';
import { LAYERS } from '../shading/index';
import type { SetupInput } from '../session/index';

/** Playback speeds, simulated hours per real second (1 h/s up to 1 week/s, issue #4). */
export const SPEEDS = [
  { id: '1h', label: '1 hour / s', hoursPerSecond: 1 },
  { id: '6h', label: '6 hours / s', hoursPerSecond: 6 },
  { id: '1d', label: '1 day / s', hoursPerSecond: 24 },
  { id: '3d', label: '3 days / s', hoursPerSecond: 72 },
  { id: '1w', label: '1 week / s', hoursPerSecond: 168 },
] as const;
export type SpeedId = (typeof SPEEDS)[number]['id'];
const SPEED_IDS = SPEEDS.map((s) => s.id) as unknown as readonly [SpeedId, ...SpeedId[]];

/**
 * Everything the user sets, one zod schema: it parses stored state and any value a control hands
 * over, so a bad value gets a message naming the setting and its range instead of a silent default.
 */
export const SettingsSchema = z
  .object({
    seed: bounded(0, 4294967295, '(a whole number)', { int: true }),
    skin: SkinSchema,
    override: z.boolean(),
    needleMm: bounded(NEEDLE_MM_MIN, NEEDLE_MM_MAX, 'mm'),
    pressure: bounded(PRESSURE_MIN, PRESSURE_MAX),
    layer: oneOf(LAYERS),
    speed: oneOf(SPEED_IDS),
    /** Before/after split position, % of the width showing day 0 (0 = off). */
    split: bounded(0, 100, '%'),
    /** Depth-view cut, mm from the top of the patch. */
    crossRowMm: bounded(0, 100, 'mm'),
    crossVisible: z.boolean(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  seed: 42,
  skin: { region: 'cheek', phototype: 3, conditions: [] },
  override: false,
  needleMm: 1.5,
  pressure: 1,
  layer: 'surface',
  speed: '1d',
  split: 0,
  crossRowMm: 20,
  crossVisible: true,
}) as Settings;

export function speedHoursPerSecond(id: SpeedId): number {
  return SPEEDS.find((s) => s.id === id)?.hoursPerSecond ?? 24;
}

/** The engine setup the settings ask for (the patch size and grid are the engine's; the texture the view's). */
export function setupOf(s: Settings, gridCells: number, texturePx: number): SetupInput {
  return { seed: s.seed, skin: s.skin, override: s.override, gridCells, texturePx };
}

/** Whether going from `a` to `b` needs a new skin (the engine's setup), not just a new view. */
export function skinChanged(a: Settings, b: Settings): boolean {
  return a.seed !== b.seed || a.override !== b.override || JSON.stringify(a.skin) !== JSON.stringify(b.skin);
}
