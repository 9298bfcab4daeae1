/** The scenario files of public/scenarios/, bundled at build time (vite.config.ts); parse before use. */
declare module 'virtual:skinsim-presets' {
  const presets: readonly { file: string; scenario: unknown }[];
  export default presets;
}
