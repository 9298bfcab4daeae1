/**
 * Nothing from a file, a link or a stored state is ever inserted as HTML or run as code (issue 9): the
 * app and worker sources use no HTML-parsing or code-evaluating sink, and set no inline style attribute
 * (the CSP has no 'unsafe-inline', docs/security.md). Text goes in with textContent, styles through the
 * CSSOM. A new use of a sink fails here with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../fixtures/engine';

const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'innerHTML / outerHTML', pattern: /\.(inner|outer)HTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\.write(ln)?\b/ },
  { name: 'createContextualFragment / DOMParser', pattern: /\bcreateContextualFragment\b|\bnew DOMParser\b/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  { name: 'eval / new Function', pattern: /(^|[^\w.])eval\s*\(|\bnew Function\s*\(/ },
  { name: 'string timers', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'inline event handler or style attribute', pattern: /setAttribute\(\s*['"](on\w+|style)['"]/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML or code sinks in the app', () => {
  const root = repoPath('');
  const files = [...sourceFiles(repoPath('src')), ...sourceFiles(repoPath('workers'))];

  it('finds the sources it scans', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(SINKS)('no $name in src/ or workers/', ({ pattern }) => {
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, k) => {
          // Comments may name the sinks they avoid.
          const code = /^\s*(\*|\/\*)/.test(line) ? '' : line.replace(/\/\/.*$/, '');
          if (pattern.test(code)) hits.push(`${relative(root, file)}:${k + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
