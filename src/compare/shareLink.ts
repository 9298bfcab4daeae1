import LZString from 'lz-string';
import { formatIssues } from '../engine/bounded';
import { WorkspaceSchema, type Workspace } from './workspace';

/**
 * "Copy share link": the whole comparison in the URL fragment, compressed with lz-string (its
 * URI-safe alphabet needs no escaping). The fragment never reaches a server, so a link shares nothing
 * but what it shows. Opening a link parses it with the workspace schema: a damaged or hostile link
 * gets a message and changes nothing.
 */
export const SHARE_PARAM = 'compare';
/** Longest fragment accepted, characters: six courses with long explicit session lists fit in a few thousand. */
export const MAX_SHARE_CHARS = 16_000;

export type ShareDecode = { ok: true; workspace: Workspace } | { ok: false; problem: string };

export function encodeShareFragment(ws: Workspace): { ok: true; fragment: string } | { ok: false; problem: string } {
  const packed = LZString.compressToEncodedURIComponent(JSON.stringify(ws));
  const fragment = `#${SHARE_PARAM}=${packed}`;
  if (fragment.length > MAX_SHARE_CHARS) {
    return { ok: false, problem: `this comparison needs a ${fragment.length}-character link, longer than the ${MAX_SHARE_CHARS} allowed; use Export JSON instead` };
  }
  return { ok: true, fragment };
}

/** The comparison in a URL fragment ("#compare=…"), or null when the fragment holds none. */
export function decodeShareFragment(hash: string, readJson: (text: string) => unknown = JSON.parse): ShareDecode | null {
  const prefix = `#${SHARE_PARAM}=`;
  if (!hash.startsWith(prefix)) return null;
  if (hash.length > MAX_SHARE_CHARS) return { ok: false, problem: `the link is ${hash.length} characters long; at most ${MAX_SHARE_CHARS} are accepted` };
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
    value = readJson(text);
  } catch (err) {
    return { ok: false, problem: `the link is damaged (${(err as Error).message})` };
  }
  const r = WorkspaceSchema.safeParse(value);
  if (!r.success) return { ok: false, problem: `the link holds an invalid comparison: ${formatIssues(r.error).slice(0, 3).join('; ')}` };
  return { ok: true, workspace: r.data };
}
