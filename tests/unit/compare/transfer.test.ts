import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { importCourses, workspaceToJson } from '../../../src/compare/jsonTransfer';
import { decodeShareFragment, encodeShareFragment } from '../../../src/compare/shareLink';
import { MAX_SHARE_FRAGMENT_CHARS } from '../../../src/engine/limits';
import { emptyWorkspace, parseWorkspace, WorkspaceSchema, type Workspace } from '../../../src/compare/workspace';
import { parseScenarioText } from '../../../src/engine/scenario';
import { presetFiles } from '../../fixtures/engine';
import { workspaceArb } from './arbitraries';

const presets = presetFiles().map((p) => parseScenarioText(p.text));

describe('Export JSON / Import', () => {
  it('export then import gives an equal workspace (random workspaces)', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        fc.pre(ws.courses.length > 0);
        const r = importCourses(workspaceToJson(ws), emptyWorkspace());
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.mode).toBe('replace');
        expect({ ...ws, courses: r.courses }).toEqual(ws);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('the export is a JSON array of scenario files the CLI reads one by one', () => {
    const ws = parseWorkspace({ version: 1, courses: presets.slice(0, 3) });
    const array = JSON.parse(workspaceToJson(ws)) as unknown[];
    expect(array).toHaveLength(3);
    for (const [k, item] of array.entries()) expect(parseScenarioText(JSON.stringify(item))).toEqual(presets[k]);
  });

  it('a single scenario file is added as one more course', () => {
    const ws = parseWorkspace({ version: 1, courses: presets.slice(0, 2) });
    const r = importCourses(readFileSync('public/scenarios/single-session.json', 'utf8'), ws);
    expect(r.ok && r.mode).toBe('add');
    expect(r.ok && r.courses.length).toBe(3);
  });

  it('a bad file names the course and the field, and nothing is imported', () => {
    const bad = JSON.parse(workspaceToJson(parseWorkspace({ version: 1, courses: presets.slice(0, 2) }))) as { protocol?: { needleMm: number } }[];
    bad[1]!.protocol!.needleMm = 7;
    const r = importCourses(JSON.stringify(bad), emptyWorkspace());
    expect(r).toEqual({ ok: false, problems: [expect.stringMatching(/^\[1\]\.protocol\.needleMm: 7 is above the maximum; allowed 0\.25–3 mm$/)] });
    expect(importCourses('{"version": 1,', emptyWorkspace())).toMatchObject({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
    expect(importCourses('[]', emptyWorkspace())).toMatchObject({ ok: false });
    expect(importCourses('42', emptyWorkspace())).toMatchObject({ ok: false, problems: [expect.stringMatching(/scenario/)] });
  });

  it('refuses more than six courses, by list or by adding to a full comparison', () => {
    const seven = JSON.stringify(Array.from({ length: 7 }, () => presets[0]));
    expect(importCourses(seven, emptyWorkspace())).toMatchObject({ ok: false, problems: [expect.stringMatching(/lists 7 courses; the limit is 6 courses in a comparison/)] });
    const full = parseWorkspace({ version: 1, courses: Array.from({ length: 6 }, () => presets[0]) });
    expect(importCourses(JSON.stringify(presets[1]), full)).toMatchObject({ ok: false, problems: [expect.stringMatching(/already holds 6/)] });
  });
});

describe('share link', () => {
  it('round-trips any workspace exactly (property)', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        const enc = encodeShareFragment(ws);
        fc.pre(enc.ok);
        if (!enc.ok) return;
        expect(enc.fragment.length).toBeLessThanOrEqual(MAX_SHARE_FRAGMENT_CHARS);
        const dec = decodeShareFragment(enc.fragment);
        expect(dec).toEqual({ ok: true, workspace: ws });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('ignores fragments that hold no comparison', () => {
    expect(decodeShareFragment('')).toBeNull();
    expect(decodeShareFragment('#play-area')).toBeNull();
  });

  it('rejects damaged, oversized and hostile links with a message', () => {
    const ws: Workspace = parseWorkspace({ version: 1, courses: presets.slice(0, 2) });
    const enc = encodeShareFragment(ws);
    if (!enc.ok) throw new Error(enc.problem);
    expect(decodeShareFragment(enc.fragment.slice(0, enc.fragment.length / 2))).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged|invalid/) });
    expect(decodeShareFragment('#compare=<script>')).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged/) });
    expect(decodeShareFragment(`#compare=${'A'.repeat(MAX_SHARE_FRAGMENT_CHARS)}`)).toMatchObject({ ok: false, problem: expect.stringMatching(/the limit is 8000 characters/) });
    for (const text of [
      `{"version":1,"courses":[],"__proto__":{"polluted":true}}`,
      `{"version":1,"courses":[],"constructor":{"prototype":{"polluted":true}}}`,
      `{"version":1,"courses":[{"__proto__":{"version":1}}]}`,
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    ]) {
      const dec = decodeShareFragment(`#compare=${LZString.compressToEncodedURIComponent(text)}`);
      expect(dec).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged \(.+\)|invalid comparison: .+/) });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a workspace too big for a link says to use Export JSON', () => {
    const huge = parseWorkspace({
      version: 1,
      courses: Array.from({ length: 6 }, (_, k) => ({
        ...presets[0],
        name: `course ${k} ${'x'.repeat(150)}`,
        description: Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + k * 104729) % 20000))).join(''),
      })),
    });
    expect(encodeShareFragment(huge)).toMatchObject({ ok: false, problem: expect.stringMatching(/Export JSON/) });
  });

  it('a course name with markup stays text in the workspace', () => {
    const ws = parseWorkspace({ version: 1, courses: [{ ...presets[0], name: '<img src=x onerror=alert(1)>' }] });
    const enc = encodeShareFragment(ws);
    if (!enc.ok) throw new Error(enc.problem);
    const dec = decodeShareFragment(enc.fragment);
    expect(dec?.ok && dec.workspace.courses[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });
});
