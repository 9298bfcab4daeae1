/**
 * The one CSV writer behind every export: the CLI's result (resultCsv.ts), Compare's export
 * (compare/compareCsv.ts) and the session chart's button (ui/chartColumns.ts). All three write rows of
 * sampled days: pluggable id cells (which course, seed, …; none for a single run), the day, then one
 * value per column. Plain numbers with '.' decimals, ',' between cells, '\n' after every line; by
 * default a number is written in the shortest form that reads back to the same double. The reader
 * (parseCsv) and the text-cell guard (csvText) live here too, so writing and reading agree.
 */

/** Rows of one run: the same id cells on each, one row per day. */
export interface CsvBlock {
  /** Cells written first on every row (already guarded with csvText where they hold free text). */
  readonly id?: readonly string[];
  readonly days: ArrayLike<number>;
  /** One column per value header; null writes empty cells (a run without a band beside runs with one). */
  readonly columns: readonly (ArrayLike<number> | null)[];
}

export interface CsvTable {
  /** Id headers, then the day's, then one per value column. */
  readonly header: readonly string[];
  /** Rows written between the header and the numbers, as they are (the CLI's `evidence,<tag>,…` row). */
  readonly preface?: readonly (readonly string[])[];
  readonly blocks: readonly CsvBlock[];
  /** Text of a number in value column k (k = 0 is the day); String by default. */
  readonly format?: (value: number, k: number) => string;
}

export function writeCsv(table: CsvTable): string {
  const format = table.format ?? String;
  // A missing value (a column shorter than the days) is an empty cell, as Array.join writes it.
  const cell = (value: number | undefined, k: number): string => (value === undefined || value === null ? '' : format(value, k));
  const lines = [table.header.join(',')];
  for (const row of table.preface ?? []) lines.push(row.join(','));
  for (const block of table.blocks) {
    const id = block.id ?? [];
    for (let t = 0; t < block.days.length; t++) {
      const row = [...id, cell(block.days[t], 0)];
      for (let k = 0; k < block.columns.length; k++) {
        const column = block.columns[k]!;
        row.push(column === null ? '' : cell(column[t], k + 1));
      }
      lines.push(row.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A text cell, quoted when needed. Names come from shared links and files: a leading = + - @ would run
 * as a formula in a spreadsheet (CSV injection, OWASP), so such cells are prefixed with an apostrophe.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Parses a CSV written by writeCsv (RFC 4180 quoting) into header and rows of cells. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    records.push(row);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}
