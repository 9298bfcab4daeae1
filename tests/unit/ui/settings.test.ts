import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../../src/engine/bounded';
import { DEFAULT_SETTINGS, SettingsSchema, SPEEDS } from '../../../src/ui/settings';

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('names the setting and its range for a bad slider value', () => {
    const r = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, needleMm: 3.5 });
    expect(r.success).toBe(false);
    const text = formatIssues(r.error!).join('\n');
    expect(text).toMatch(/needleMm/);
    expect(text).toMatch(/0\.25–3 mm/);
  });

  it('rejects a non-integer or negative seed with the allowed range', () => {
    for (const seed of [-1, 1.5, Number.NaN]) {
      const r = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, seed });
      expect(r.success).toBe(false);
      expect(formatIssues(r.error!).join('\n')).toMatch(/seed: .*0–4294967295/);
    }
  });

  it('offers speeds from 1 hour to 1 week per second', () => {
    expect(SPEEDS[0]!.hoursPerSecond).toBe(1);
    expect(SPEEDS[SPEEDS.length - 1]!.hoursPerSecond).toBe(168);
    for (let k = 1; k < SPEEDS.length; k++) expect(SPEEDS[k]!.hoursPerSecond).toBeGreaterThan(SPEEDS[k - 1]!.hoursPerSecond);
  });
});
