import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/engine/scenario';
import { presetFiles } from '../../fixtures/engine';

describe('presets in public/scenarios', () => {
  it('every file is a valid scenario with a name the Compare view can show', () => {
    const files = presetFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const names = files.map((f) => parseScenarioText(f.text).name);
    for (const n of names) expect(n?.trim()).toBeTruthy();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['3 × monthly', 'Weekly × 12', 'Daily × 14 (overdoing it)']));
  });
});
