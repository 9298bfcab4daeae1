/** The scenario presets of public/scenarios/, validated and bundled at build time (vite.config.ts). */
declare module 'virtual:skinsim-presets' {
  import type { Scenario } from '../engine/scenario';
  const presets: readonly { file: string; scenario: Scenario }[];
  export default presets;
}
