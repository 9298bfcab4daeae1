import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/engine/scenario';

describe('presets in public/scenarios', () => {
  it('every file is a valid scenario with a name the Compare view can show', () => {
    const files = readdirSync('public/scenarios').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const names = files.map((f) => parseScenarioText(readFileSync(`public/scenarios/${f}`, 'utf8')).name);
    for (const n of names) expect(n?.trim()).toBeTruthy();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['3 × monthly', 'Weekly × 12', 'Daily × 14 (overdoing it)']));
  });
});
