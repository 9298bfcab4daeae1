/**
 * Every input limit of SkinSim in one place (issue 9): a hostile or mistaken file, link, stored state or
 * worker message must be refused quickly, with an error that names the limit, rather than freeze the
 * page or the CLI. The schemas (scenario, grid, worker messages) and the JSON reader read these
 * constants; docs/scenario-format.md lists them in its "Limits" table.
 *
 * Not here: the cohort size MAX_PATIENTS, which lives with the cohort field in scenario.ts (re-exported by
 * the engine index next to these).
 */

/**
 * Largest text SkinSim parses (scenario file, Import, decompressed share link), UTF-8 bytes. A scenario is
 * under 1 kB and 200 explicit sessions are ≈ 12 kB, so 1 MB is generous for people and still parses
 * in milliseconds.
 */
export const MAX_INPUT_BYTES = 1_000_000;

/**
 * Deepest JSON nesting accepted, in levels of `{` and `[`. A scenario nests 3 levels (sessions[k]), a
 * comparison 4; 64 leaves room for future optional fields. Checked by a linear scan before JSON.parse,
 * so a 5 000-level file is refused before any recursive code (JSON.parse, zod, error formatting) sees it.
 */
export const MAX_JSON_DEPTH = 64;

/** Sessions per scenario (`protocol.sessions` or the `sessions` list): 200 daily sessions is far beyond practice. */
export const MAX_SESSIONS = 200;

/** Simulated days per scenario: 10 years. */
export const MAX_DAYS = 3650;

/** Passes per session: clinics roll 10–20 (Singh & Yadav 2016); 50 is already absurd. */
export const MAX_PASSES = 50;

/** Grid cells per patch side: below 32 the 0.75 mm injury kernel is under-resolved; above 512 a step costs > 10× the default. */
export const GRID_CELLS_MIN = 32;
export const GRID_CELLS_MAX = 512;
/** The app's grid: 160 cells over 40 mm, a pitch of 0.25 mm (docs/model.md §2). */
export const DEFAULT_GRID_CELLS = 160;

/** Courses side by side in a comparison (issue 7: "up to 6 courses"); also the longest scenario array accepted by Import. */
export const MAX_COURSES = 6;

/**
 * Longest share-link fragment (the part after `#`), characters. Browsers accept megabytes, but links
 * travel through mail and chat clients and web forms that cut long URLs; 8 000 is the request-line
 * length RFC 9110 §4.1 asks every HTTP participant to support. Six lz-string-compressed courses need
 * about 1–2 kB; the decompressed text is then held to MAX_INPUT_BYTES like any other input.
 */
export const MAX_SHARE_FRAGMENT_CHARS = 8000;

/** Strokes per worker message: a frame of dragging carries a handful, one pass a few dozen. */
export const MAX_STROKES_PER_MESSAGE = 5000;
