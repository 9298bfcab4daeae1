import { printable, shortJson } from './bounded';
import { MAX_INPUT_BYTES, MAX_JSON_DEPTH } from './limits';

/**
 * The one bounded JSON reader for every text SkinSim accepts from outside: scenario files (CLI, Import),
 * the share link after decompression, and anything else read as text. In order, without ever recursing:
 *  1. size: at most MAX_INPUT_BYTES UTF-8 bytes (checked on the string length first, so a 100 MB text
 *     is refused without being encoded);
 *  2. one linear scan of the text: nesting depth at most MAX_JSON_DEPTH, no reserved key
 *     (`__proto__`, `constructor`, `prototype`), no key twice in one object (JSON.parse would keep the
 *     last one silently);
 *  3. JSON.parse, whose syntax error is reported with line and column.
 * Every problem is a "path: message" line like the schema errors (src/engine/bounded.ts formatIssues).
 * Validation of the parsed value against a schema is the caller's job.
 */

export class JsonInputError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const lines = problems.map(printable);
    super(lines.join('\n'));
    this.problems = lines;
    this.name = 'JsonInputError';
  }
}

export interface JsonReadOptions {
  /** Limit in UTF-8 bytes (default MAX_INPUT_BYTES). */
  maxBytes?: number;
  /** Limit in levels of `{`/`[` (default MAX_JSON_DEPTH). */
  maxDepth?: number;
  /** What the text is, for messages: "the file", "the share link", ... */
  what?: string;
}

/** Keys that would reach an object's prototype chain if a consumer ever copied them over; no SkinSim format uses them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Reports a size in the unit a person reads: bytes, kB or MB. */
function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** UTF-8 length of a string without encoding it (a lone surrogate counts as U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Throws JsonInputError when `text` is over `maxBytes` UTF-8 bytes; the message names the limit. */
export function checkTextSize(text: string, maxBytes = MAX_INPUT_BYTES, what = 'the file'): void {
  // UTF-8 never takes fewer bytes than UTF-16 code units: a very long string is refused without counting.
  const huge = text.length > 16 * maxBytes;
  const bytes = huge ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    const limit = maxBytes >= 1e6 ? `${maxBytes / 1e6} MB (${maxBytes} bytes)` : formatBytes(maxBytes);
    throw new JsonInputError([`(document): ${what} is ${huge ? 'over ' : ''}${formatBytes(bytes)}; the size limit is ${limit}`]);
  }
}

/** Throws JsonInputError when `text` is longer than `maxChars` characters (share-link fragments). */
export function checkTextLength(text: string, maxChars: number, what: string): void {
  if (text.length > maxChars) {
    throw new JsonInputError([`(document): ${what} is ${text.length} characters long; the limit is ${maxChars} characters`]);
  }
}

/** Renders a key path as the schema errors do: `sessions[3].day`; long paths are shortened in the middle. */
export function formatPath(path: readonly (string | number)[]): string {
  const parts = path.length > 8 ? [...path.slice(0, 6), '…', ...path.slice(-1)] : path;
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (p === '…') out += '…';
    else {
      const name = printable(p.length > 40 ? `${p.slice(0, 37)}...` : p);
      out += out === '' || out.endsWith('…') ? name : `.${name}`;
    }
  }
  return out === '' ? '(document)' : out;
}

function lineColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${end - lineStart + 1}`;
}

/** Decodes the raw characters of a JSON string token (escapes included); the raw text if it is not valid. */
function decodeKey(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COMMA = 44; // ,
const COLON = 58; // :

/**
 * One pass over the text, before JSON.parse: depth, reserved keys, duplicate keys, each problem with its
 * key path. Tolerates malformed text (JSON.parse reports the syntax afterwards); memory is bounded by
 * the depth limit plus the keys of the open objects.
 */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): string[] {
  const problems: string[] = [];
  // Per open level: the key or index that leads into the current child, and an object's keys so far.
  const path: (string | number)[] = [];
  const isObject: boolean[] = [];
  const keys: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      i++;
      while (i < text.length && text.charCodeAt(i) !== QUOTE) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
        i++;
      }
      const depth = isObject.length;
      if (depth > 0 && isObject[depth - 1] && expectKey) {
        const key = decodeKey(text.slice(start, i));
        const where = formatPath(path.slice(0, depth - 1));
        if (RESERVED_KEYS.has(key)) {
          problems.push(`${where}: unknown field ${JSON.stringify(key)} (a reserved name that no SkinSim file uses)`);
        } else if (keys[depth - 1]!.has(key)) {
          problems.push(`${where}: field ${shortJson(key)} appears twice (JSON keeps only the last; remove one)`);
        }
        keys[depth - 1]!.add(key);
        path[depth - 1] = key;
        expectKey = false;
        if (problems.length >= 10) return problems;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (isObject.length >= maxDepth) {
        problems.push(
          `${formatPath(path.slice(0, isObject.length))}: nesting depth exceeds the limit of ${maxDepth} levels ` +
            `at ${lineColumn(text, i)} (SkinSim files nest at most 4 levels)`,
        );
        return problems;
      }
      const object = c === OPEN_OBJECT;
      isObject.push(object);
      keys.push(object ? new Set<string>() : null);
      path[isObject.length - 1] = object ? '' : 0;
      expectKey = object;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      isObject.pop();
      keys.pop();
      path.length = isObject.length;
      expectKey = false;
    } else if (c === COMMA) {
      const depth = isObject.length;
      if (depth > 0) {
        if (isObject[depth - 1]) expectKey = true;
        else path[depth - 1] = (path[depth - 1] as number) + 1;
      }
    } else if (c === COLON) {
      expectKey = false;
    }
  }
  return problems;
}

/** Adds line and column to a JSON.parse message that only gives a character position. */
function syntaxMessage(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  const where = at && !/line \d+/.test(message) ? ` (${lineColumn(text, Number(at[1]))})` : '';
  return `(document): not valid JSON: ${message}${where}`;
}

/**
 * Reads untrusted JSON text within the limits; throws JsonInputError (problems as "path: message" lines)
 * and nothing else. A leading byte-order mark is ignored (editors on Windows write one).
 */
export function readJsonText(text: string, options: JsonReadOptions = {}): unknown {
  const what = options.what ?? 'the file';
  if (typeof text !== 'string') throw new JsonInputError([`(document): ${what} is not text`]);
  checkTextSize(text, options.maxBytes ?? MAX_INPUT_BYTES, what);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new JsonInputError([`(document): ${what} is empty; expected JSON`]);
  const problems = scanJson(body, options.maxDepth ?? MAX_JSON_DEPTH);
  if (problems.length > 0) throw new JsonInputError(problems);
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    throw new JsonInputError([syntaxMessage(err, body)]);
  }
}

/**
 * The same checks for a value that did not come as text (IndexedDB's structured clones, worker
 * messages): depth and reserved keys, by an explicit stack rather than recursion. Returns the problems
 * (empty when fine); it reads only own enumerable keys and never calls getters of the value's prototype.
 */
export function checkJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): string[] {
  try {
    return walkValue(value, maxDepth);
  } catch {
    // Only an exotic in-process value (a Proxy, a throwing getter) gets here; a clone never does.
    return ['(document): the value cannot be read as plain data'];
  }
}

function walkValue(value: unknown, maxDepth: number): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    // A structured clone can be a DAG or even cyclic; the visit budget keeps this linear in the input.
    if (++visited > 1_000_000) {
      problems.push(`${formatPath(path)}: too many values (over 1 000 000)`);
      break;
    }
    if (path.length >= maxDepth) {
      problems.push(`${formatPath(path)}: nesting depth exceeds the limit of ${maxDepth} levels`);
      break;
    }
    // Only containers are pushed: a flat array of a million numbers costs no allocation per number.
    if (Array.isArray(v)) {
      for (let k = v.length - 1; k >= 0; k--) {
        const child: unknown = v[k];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, k] });
      }
    } else {
      for (const key of Object.keys(v)) {
        if (RESERVED_KEYS.has(key)) {
          problems.push(`${formatPath(path)}: unknown field "${key}" (a reserved name that no SkinSim file uses)`);
          continue;
        }
        const child = (v as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
      }
    }
    if (problems.length >= 10) break;
  }
  return problems;
}
