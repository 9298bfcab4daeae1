import raw from 'virtual:skinsim-presets';
import { type Scenario, ScenarioSchema } from '../engine/index';

/** The presets of public/scenarios/, parsed with the scenario schema (a broken file is left out, never half-used). */
export const PRESETS: readonly { file: string; scenario: Scenario }[] = raw.flatMap((p) => {
  const r = ScenarioSchema.safeParse(p.scenario);
  return r.success ? [{ file: p.file, scenario: r.data }] : [];
});
