import LZString from 'lz-string';
import { checkTextLength, formatIssues, JsonInputError, MAX_SHARE_FRAGMENT_CHARS, readJsonText } from '../engine/index';
import { WorkspaceSchema, type Workspace } from './workspace';

/**
 * "Copy share link": the whole comparison in the URL fragment, compressed with lz-string (its
 * URI-safe alphabet needs no escaping). The fragment never reaches a server, so a link shares nothing
 * but what it shows. Opening a link checks its length before decompressing, reads the text with the
 * engine's bounded JSON reader and parses it with the workspace schema: a damaged or hostile link gets
 * a message and changes nothing.
 */
export const SHARE_PARAM = 'compare';

export type ShareDecode = { ok: true; workspace: Workspace } | { ok: false; problem: string };

export function encodeShareFragment(ws: Workspace): { ok: true; fragment: string } | { ok: false; problem: string } {
  const fragment = `#${SHARE_PARAM}=${LZString.compressToEncodedURIComponent(JSON.stringify(ws))}`;
  if (fragment.length - 1 > MAX_SHARE_FRAGMENT_CHARS) {
    return { ok: false, problem: `this comparison needs a ${fragment.length}-character link, longer than the ${MAX_SHARE_FRAGMENT_CHARS} a link may have; use Export JSON instead` };
  }
  return { ok: true, fragment };
}

/** The comparison in a URL fragment ("#compare=…"), or null when the fragment holds none. */
export function decodeShareFragment(hash: string): ShareDecode | null {
  const prefix = `#${SHARE_PARAM}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    checkTextLength(hash.slice(1), MAX_SHARE_FRAGMENT_CHARS, 'the share link');
  } catch (err) {
    if (err instanceof JsonInputError) return { ok: false, problem: err.problems.join('; ') };
    throw err;
  }
  const packed = hash.slice(prefix.length);
  if (!/^[A-Za-z0-9+\-$]*$/.test(packed)) return { ok: false, problem: 'the link is damaged (characters outside the share alphabet)' };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, problem: 'the link is damaged (it does not decompress)' };
  let value: unknown;
  try {
    value = readJsonText(text, { what: 'the shared comparison' });
  } catch (err) {
    if (err instanceof JsonInputError) return { ok: false, problem: `the link is damaged (${err.problems.slice(0, 2).join('; ')})` };
    throw err;
  }
  const r = WorkspaceSchema.safeParse(value);
  if (!r.success) return { ok: false, problem: `the link holds an invalid comparison: ${formatIssues(r.error).slice(0, 3).join('; ')}` };
  return { ok: true, workspace: r.data };
}
